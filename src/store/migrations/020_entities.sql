-- Entities: one row per real-world thing across the corpus (KB-linked or not).
CREATE TABLE entities (
  id         text PRIMARY KEY,     -- 'kb:<kb id>' for KB entries, else 'u:<type>:<link key>'
  name       text NOT NULL,        -- canonical name
  type       text NOT NULL,        -- PER, LOC, ORG, MISC
  kb_id      text,                 -- kb/ id (ISO code, org id, person slug)
  wikidata   text,
  link_key   text NOT NULL,        -- transliteration key of the name, for linking spelling variants
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX entities_kb_id ON entities (kb_id) WHERE kb_id IS NOT NULL;
CREATE INDEX entities_type_key ON entities (type, link_key);

-- Surface forms actually seen for each entity, with how often.
CREATE TABLE entity_aliases (
  entity_id text NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
  alias     text NOT NULL,
  mentions  integer NOT NULL DEFAULT 0,
  PRIMARY KEY (entity_id, alias)
);

-- Entity mentions of each article, in AnalyzedArticle.entities order (idx), linked by the resolver.
CREATE TABLE mentions (
  article_id text NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  idx        integer NOT NULL,
  start      integer NOT NULL,
  "end"      integer NOT NULL,
  text       text NOT NULL,
  normalized text NOT NULL,
  type       text NOT NULL,
  sentence   integer NOT NULL,
  role       text,
  metonym    boolean NOT NULL DEFAULT false,
  kb_id      text,
  entity_id  text REFERENCES entities(id) ON DELETE SET NULL,
  PRIMARY KEY (article_id, idx)
);
CREATE INDEX mentions_entity ON mentions (entity_id);
CREATE INDEX mentions_unlinked ON mentions (article_id) WHERE entity_id IS NULL;
