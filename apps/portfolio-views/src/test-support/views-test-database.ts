import { createTestDatabase, type TestDatabase } from '@ecab/testing';
import { DataSource } from 'typeorm';
import { PortfolioProjection } from '../projections/portfolio-projection.js';
import { VIEW_FAMILIES } from '../projections/view-families.js';
import { ViewGenerations } from '../projections/view-generations.js';

/** A database of its own with one live generation of every read table, and the projection writing to it. */
export interface ViewsTestDatabase {
  database: TestDatabase;
  dataSource: DataSource;
  projection: PortfolioProjection;
  drop(): Promise<void>;
}

export async function createViewsTestDatabase(name: string): Promise<ViewsTestDatabase> {
  const database = await createTestDatabase(name);
  const dataSource = new DataSource({ type: 'postgres', url: database.url, extra: { max: 4 } });
  await dataSource.initialize();
  const generations = new ViewGenerations(dataSource, VIEW_FAMILIES);
  await generations.ensureCatalogue();
  const generation = await generations.create();
  await generations.switchTo(generation.schema);
  return {
    database,
    dataSource,
    projection: new PortfolioProjection(dataSource, VIEW_FAMILIES, generation.schema),
    async drop() {
      await dataSource.destroy();
      await database.drop();
    },
  };
}
