/**
 * The JSON API described as OpenAPI 3.1, served at /api/openapi.json. Kept by hand next to the
 * routes (src/serve/api.ts, src/serve/app.ts); test/web/api.test.ts checks every path answers.
 */
const str = { type: 'string' } as const;
const strOrNull = { type: ['string', 'null'] } as const;
const int = { type: 'integer' } as const;
const timex = { type: ['string', 'null'], description: 'TIMEX3-style value at its precision: 2025-08-07, 2025-08, 2025-W33, 2025', examples: ['2025-08-07', '2025-08'] } as const;
const idParam = (name: string) => ({ name, in: 'path', required: true, schema: str });
const q = (name: string, description: string, schema: object = str) => ({ name, in: 'query', required: false, description, schema });
const ok = (ref: string, description = 'OK') => ({
  200: { description, content: { 'application/json': { schema: { $ref: `#/components/schemas/${ref}` } } } },
});
const notFound = { 404: { description: 'Not found', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } } };
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const ARTICLE_FILTERS = [
  q('limit', 'page size', int),
  q('offset', 'rows to skip', int),
  q('lang', 'language code'),
  q('source', 'outlet'),
  q('story', 'story id'),
  q('from', 'YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Www or YYYY-Qn (its first day; else 400)'),
  q('to', 'YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Www or YYYY-Qn (its last day; else 400)'),
  q('originals', '1: no duplicates'),
];

export const openapi = {
  openapi: '3.1.0',
  info: {
    title: 'Chronik API',
    version: '0.1.0',
    description:
      'Read-only JSON API over a Chronik store: articles, full-text search, stories, entities, merged events and the timeline. ' +
      'Write routes exist only when the server runs with --allow-write and a token.',
  },
  servers: [{ url: '/' }],
  paths: {
    '/api/articles': {
      get: {
        summary: 'List articles (as `chronik articles --json`), newest first; total in the X-Total-Count header',
        parameters: [...ARTICLE_FILTERS, q('order', 'published-desc (default), published or ingested')],
        responses: { 200: { description: 'Articles', content: { 'application/json': { schema: { type: 'array', items: ref('ArticleSummary') } } } } },
      },
    },
    '/api/articles/{id}': {
      get: { summary: 'One article with its cleaned text and metadata', parameters: [idParam('id')], responses: { ...ok('Article'), ...notFound } },
    },
    '/api/search': {
      get: {
        summary: 'Full-text search, ranked, with snippets and highlight offsets in snippet (`highlights`) and title (`titleHighlights`), as `chronik search --json`',
        parameters: [{ ...q('q', 'query (web search syntax: words, "phrases", -exclusions, or)'), required: true }, ...ARTICLE_FILTERS],
        responses: { 200: { description: 'Hits' }, 400: { description: 'Missing q or a bad parameter' } },
      },
    },
    '/api/search/facets': {
      get: {
        summary: 'Full-text search with facets (language, outlet, story, entity) and pagination, as the search page shows it',
        parameters: [
          q('q', 'query'),
          q('lang', 'language code'),
          q('source', 'outlet'),
          q('story', 'story id'),
          q('entity', 'entity id'),
          q('from', 'TIMEX3 date (first day counts)'),
          q('to', 'TIMEX3 date (last day counts)'),
          q('page', '1-based page', int),
          q('size', 'hits per page (default 20, at most 100)', int),
        ],
        responses: ok('SearchResult'),
      },
    },
    '/api/stories': {
      get: {
        summary: 'Stories, newest activity first',
        parameters: [q('limit', 'page size', int), q('offset', 'rows to skip', int)],
        responses: ok('StoryList'),
      },
    },
    '/api/stories/{id}': { get: { summary: 'One story: articles grouped as original + duplicates, outlets, entities, events', parameters: [idParam('id')], responses: { ...ok('Story'), ...notFound } } },
    '/api/entities': {
      get: {
        summary: 'Canonical entities, most mentioned first',
        parameters: [q('type', 'PER, ORG, LOC or MISC'), q('q', 'name contains'), q('limit', 'page size', int), q('offset', 'rows to skip', int)],
        responses: ok('EntityList'),
      },
    },
    '/api/entities/{id}': { get: { summary: 'One entity: roles, aliases, mentions over time, co-mentions, events', parameters: [idParam('id')], responses: { ...ok('Entity'), ...notFound } } },
    '/api/timeline': {
      get: {
        summary: 'Merged events sorted by date, with the calendar span each date covers',
        parameters: [
          q('entity', 'entity id, or a name as written: canonical, alias or metonym (Kreml → Russland), resolved as by chronik timeline --entity'),
          q('story', 'story id'),
          q('type', 'PLOVER type'),
          q('from', 'TIMEX3 date (events overlapping from its first day)'),
          q('to', 'TIMEX3 date (events overlapping up to its last day)'),
          q('limit', 'at most this many events (default 1000)', int),
        ],
        responses: ok('Timeline'),
      },
    },
    '/api/events/{id}': { get: { summary: 'One merged event with its evidence and outlets', parameters: [idParam('id')], responses: { ...ok('Event'), ...notFound } } },
    '/api/ingest': {
      post: {
        summary: 'Ingest documents (only with --allow-write; needs Authorization: Bearer TOKEN)',
        security: [{ bearer: [] }],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['documents'],
                properties: { documents: { type: 'array', items: ref('IngestDocument') } },
              },
            },
          },
        },
        responses: { 200: { description: 'Ingest summary' }, 401: { description: 'Missing or wrong token' } },
      },
    },
    '/api/openapi.json': { get: { summary: 'This document', responses: { 200: { description: 'OpenAPI 3.1' } } } },
  },
  components: {
    securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
    schemas: {
      Error: { type: 'object', properties: { error: str } },
      ArticleSummary: {
        type: 'object',
        properties: { id: str, title: strOrNull, published: timex, source: strOrNull, language: str, duplicateOf: strOrNull, storyId: strOrNull },
      },
      Article: {
        allOf: [ref('ArticleSummary'), { type: 'object', properties: { origin: str, url: strOrNull, author: strOrNull, agency: strOrNull, text: str } }],
      },
      Bucket: { type: 'object', properties: { period: str, count: int } },
      EntityRef: { type: 'object', properties: { id: str, name: str, type: { enum: ['PER', 'ORG', 'LOC', 'MISC'] } } },
      EntitySummary: { allOf: [ref('EntityRef'), { type: 'object', properties: { kbId: strOrNull, mentions: int, articles: int } }] },
      EntityList: { type: 'object', properties: { total: int, items: { type: 'array', items: ref('EntitySummary') } } },
      Entity: {
        allOf: [
          ref('EntitySummary'),
          {
            type: 'object',
            properties: {
              description: strOrNull,
              aliases: { type: 'array', items: { type: 'object', properties: { alias: str, count: int } } },
              roles: { type: 'array', items: { type: 'object', properties: { role: str, from: timex, to: timex } } },
              mentionsOverTime: { type: 'array', items: ref('Bucket') },
              coMentioned: { type: 'array', items: { allOf: [ref('EntityRef'), { type: 'object', properties: { count: int } }] } },
              coMentionLinks: { type: 'array', items: { type: 'array', prefixItems: [str, str, int] }, description: '[entity id, entity id, shared articles]' },
              events: { type: 'array', items: ref('TimelineEvent') },
              recentArticles: { type: 'array', items: ref('ArticleSummary') },
            },
          },
        ],
      },
      TimelineEvent: {
        type: 'object',
        properties: {
          id: str,
          type: { type: 'string', description: 'PLOVER type' },
          mode: strOrNull,
          date: timex,
          dateSource: { enum: ['text', 'publication', null] },
          status: strOrNull,
          actors: { type: 'array', items: str },
          recipients: { type: 'array', items: str },
          place: strOrNull,
          sources: { type: 'integer', description: 'distinct sources (originals, not near-duplicates)' },
          evidenceCount: int,
          storyId: strOrNull,
          text: strOrNull,
        },
      },
      Timeline: {
        type: 'object',
        properties: {
          truncated: { type: 'boolean', description: 'more events match than were returned' },
          events: {
            type: 'array',
            items: {
              allOf: [
                ref('TimelineEvent'),
                { type: 'object', properties: { start: strOrNull, end: strOrNull, point: { type: ['boolean', 'null'] } }, description: 'start/end: ISO dates [start, end) the date covers' },
              ],
            },
          },
          types: { type: 'array', items: { type: 'object', properties: { type: str, count: int } } },
        },
      },
      Event: {
        allOf: [
          ref('TimelineEvent'),
          {
            type: 'object',
            properties: {
              actorRefs: { type: 'array', items: ref('EntityRef') },
              recipientRefs: { type: 'array', items: ref('EntityRef') },
              evidence: {
                type: 'array',
                items: { type: 'object', properties: { articleId: str, sentence: str, title: strOrNull, source: strOrNull, published: timex, duplicateOf: strOrNull, field: { type: 'string', enum: ['body', 'title'] } } },
              },
              outlets: { type: 'array', items: str },
            },
          },
        ],
      },
      StorySummary: {
        type: 'object',
        properties: { id: str, label: str, from: timex, to: timex, articles: int, sources: int, activity: { type: 'array', items: ref('Bucket') } },
      },
      StoryList: { type: 'object', properties: { total: int, items: { type: 'array', items: ref('StorySummary') } } },
      Story: {
        allOf: [
          ref('StorySummary'),
          {
            type: 'object',
            properties: {
              groups: { type: 'array', items: { type: 'object', properties: { original: ref('ArticleSummary'), duplicates: { type: 'array', items: ref('ArticleSummary') } } } },
              outlets: { type: 'array', items: { type: 'object', properties: { source: str, count: int } } },
              entities: { type: 'array', items: { allOf: [ref('EntityRef'), { type: 'object', properties: { count: int } }] } },
              events: { type: 'array', items: ref('TimelineEvent') },
            },
          },
        ],
      },
      FacetValue: { type: 'object', properties: { value: str, label: str, count: int } },
      SearchResult: {
        type: 'object',
        properties: {
          q: str,
          total: int,
          page: int,
          pageSize: int,
          hits: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                id: str,
                title: strOrNull,
                published: timex,
                source: strOrNull,
                language: str,
                rank: { type: 'number' },
                snippet: { type: 'string', description: 'plain text; matches wrapped in U+0001 … U+0002' },
                titleMarked: { type: ['string', 'null'], description: 'the whole title, matches wrapped in U+0001 … U+0002' },
              },
            },
          },
          facets: {
            type: 'object',
            properties: Object.fromEntries(['language', 'source', 'story', 'entity'].map((k) => [k, { type: 'array', items: ref('FacetValue') }])),
          },
        },
      },
      IngestDocument: {
        type: 'object',
        required: ['text'],
        properties: { text: str, title: str, url: str, published: str, source: str, author: str, language: str },
      },
    },
  },
} as const;
