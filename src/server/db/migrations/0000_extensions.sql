-- Extensions are not managed by drizzle-kit; this migration must stay first.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
