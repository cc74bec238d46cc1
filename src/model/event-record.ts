import type { EventStatus } from './analysis.js';

/**
 * One stored event mention as event merging sees it: canonical participant names, place, date and
 * status, and the article's original (for counting distinct sources). The store reads it and the
 * resolver merges it; both use this one shape (resolve may not import store).
 */
export interface EventMentionRecord {
  articleId: string;
  idx: number;
  type: string;
  mode: string | null;
  actors: string[];
  recipients: string[];
  place: string | null;
  /** `dateline`: the article's dateline stood in for a place the sentence does not name. */
  placeSource?: 'text' | 'dateline' | null;
  dateValue: string | null;
  dateSource: 'text' | 'publication';
  status: EventStatus;
  /** Publication date of the article (first day), for ordering statuses. */
  published: string | null;
  /** The article's original (itself unless it is a near-duplicate or exact duplicate). */
  originalId: string;
  /** `title`: a headline mention; it joins the event of body mention `joins` and never starts one. */
  field?: 'title' | 'body';
  /** Headline mentions: `idx` of the article's body mention they summarise. */
  joins?: number | null;
  /** The merged event it is evidence of; null while unmerged. */
  eventId?: string | null;
}
