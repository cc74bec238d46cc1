/** Shapes the pages and the JSON API share (one query module per feature fills them). */
import type { ArticleSummary } from './articles.js';

// Plain object types (not interfaces) so query rows can be typed with them directly.
export type Bucket = {
  /** Month (`2025-08`) or day (`2025-08-07`) the count belongs to. */
  period: string;
  count: number;
};

export type EntityRef = {
  id: string;
  name: string;
  type: string;
};

export interface EntitySummary extends EntityRef {
  kbId: string | null;
  mentions: number;
  articles: number;
}

export interface EntityRole {
  role: string;
  from: string | null;
  to: string | null;
}

export interface EntityDetail extends EntitySummary {
  description: string | null;
  aliases: { alias: string; count: number }[];
  roles: EntityRole[];
  mentionsOverTime: Bucket[];
  coMentioned: (EntityRef & { count: number })[];
  /** How often two co-mentioned entities appear together: [id, id, articles]. */
  coMentionLinks: [string, string, number][];
  events: TimelineEvent[];
  articles: number;
  recentArticles: ArticleSummary[];
}

export interface TimelineEvent {
  id: string;
  type: string;
  mode: string | null;
  /** TIMEX3 value at its precision, or null. */
  date: string | null;
  dateSource: string | null;
  status: string | null;
  actors: string[];
  recipients: string[];
  place: string | null;
  sources: number;
  evidenceCount: number;
  storyId: string | null;
  /** Short text for the item: first evidence sentence. */
  text: string | null;
}

export interface Evidence {
  articleId: string;
  sentence: string;
  title: string | null;
  source: string | null;
  published: string | null;
  duplicateOf: string | null;
  /** `title`: the sentence is the article's headline (its body is evidence too: one source). */
  field: 'title' | 'body';
}

export interface EventDetail extends TimelineEvent {
  actorRefs: EntityRef[];
  recipientRefs: EntityRef[];
  evidence: Evidence[];
  outlets: string[];
}

export interface TimelineFilter {
  entity?: string;
  story?: string;
  type?: string;
  from?: string;
  to?: string;
  limit?: number;
}

export interface StorySummary {
  id: string;
  label: string;
  from: string | null;
  to: string | null;
  articles: number;
  sources: number;
  /** Articles per day or month, for the sparkline. */
  activity: Bucket[];
}

export interface StoryDetail extends StorySummary {
  groups: { original: ArticleSummary; duplicates: ArticleSummary[] }[];
  outlets: { source: string; count: number }[];
  entities: (EntityRef & { count: number })[];
  events: TimelineEvent[];
}
