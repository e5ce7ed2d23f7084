// The migrations, in order. `npm run migration:create` appends to this list; do not edit by hand.
import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261123144110 } from './Migration20261123144110';
import { Migration20261123145547 } from './Migration20261123145547';
import { Migration20261123150504 } from './Migration20261123150504';
import { Migration20261123150547 } from './Migration20261123150547';
import { Migration20261123151541 } from './Migration20261123151541';
import { Migration20261123152202 } from './Migration20261123152202';
import { Migration20261123152747 } from './Migration20261123152747';
import { Migration20261123153127 } from './Migration20261123153127';
import { Migration20261123153223 } from './Migration20261123153223';
import { Migration20261123154237 } from './Migration20261123154237';
import { Migration20261123154513 } from './Migration20261123154513';
import { Migration20261123155900 } from './Migration20261123155900';
import { Migration20261123161950 } from './Migration20261123161950';
import { Migration20261202110824 } from './Migration20261202110824';
import { Migration20261202142844 } from './Migration20261202142844';
import { Migration20261202142846 } from './Migration20261202142846';
import { Migration20261207064943 } from './Migration20261207064943';
import { Migration20261207070000 } from './Migration20261207070000';
import { Migration20261207075225 } from './Migration20261207075225';
import { Migration20261207095631 } from './Migration20261207095631';
import { Migration20261207120415 } from './Migration20261207120415';

export const migrationsList: MigrationObject[] = [
  { name: 'Migration20261123144110', class: Migration20261123144110 },
  { name: 'Migration20261123145547', class: Migration20261123145547 },
  { name: 'Migration20261123150504', class: Migration20261123150504 },
  { name: 'Migration20261123150547', class: Migration20261123150547 },
  { name: 'Migration20261123151541', class: Migration20261123151541 },
  { name: 'Migration20261123152202', class: Migration20261123152202 },
  { name: 'Migration20261123152747', class: Migration20261123152747 },
  { name: 'Migration20261123153127', class: Migration20261123153127 },
  { name: 'Migration20261123153223', class: Migration20261123153223 },
  { name: 'Migration20261123154237', class: Migration20261123154237 },
  { name: 'Migration20261123154513', class: Migration20261123154513 },
  { name: 'Migration20261123155900', class: Migration20261123155900 },
  { name: 'Migration20261123161950', class: Migration20261123161950 },
  { name: 'Migration20261202110824', class: Migration20261202110824 },
  { name: 'Migration20261202142844', class: Migration20261202142844 },
  { name: 'Migration20261202142846', class: Migration20261202142846 },
  { name: 'Migration20261207064943', class: Migration20261207064943 },
  { name: 'Migration20261207070000', class: Migration20261207070000 },
  { name: 'Migration20261207075225', class: Migration20261207075225 },
  { name: 'Migration20261207095631', class: Migration20261207095631 },
  { name: 'Migration20261207120415', class: Migration20261207120415 },
];
