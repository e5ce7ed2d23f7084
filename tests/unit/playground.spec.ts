import { parse, validate } from 'graphql';
import { loadConfig } from '../../src/config/config';
import { buildSchema } from '../../src/graphql/schema';
import { PLAYGROUND_EXAMPLES, playgroundOptions } from '../../src/http/playground';

describe('the playground', () => {
  const schema = buildSchema();

  it('opens with example tabs for staff and portal flows, each valid against the schema', () => {
    expect(PLAYGROUND_EXAMPLES.map((e) => e.name)).toEqual(['Start here: sign in', 'Staff: incidents', 'Staff: raise and work an incident', 'Portal: sign in and tickets', 'Live: incidents changing']);
    for (const example of PLAYGROUND_EXAMPLES) {
      const errors = validate(schema, parse(example.query)).map((e) => e.message);
      expect([example.name, errors]).toEqual([example.name, []]);
    }
  });

  it('says how to get a token, and presets the WebSocket endpoint and protocol', () => {
    expect(PLAYGROUND_EXAMPLES[0].query).toContain('Authorization: Bearer <accessToken>');
    const options = playgroundOptions(loadConfig({ PUBLIC_URL: 'https://desk.example.com' }));
    expect(options).toMatchObject({ subscriptionsEndpoint: 'wss://desk.example.com/graphql', initialSubscriptionRequestHandlerId: 'graphql-ws' });
    expect(options.initialWindows).toHaveLength(PLAYGROUND_EXAMPLES.length);
  });
});
