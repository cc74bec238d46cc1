/**
 * Registration modules of every stage, imported for their side effects (pushing entries onto
 * the lists in ./hooks.ts or src/analyze/pipeline.ts). The ingest orchestrator and the analysis
 * workers import this file, so one import line here plugs a feature into both.
 * Add one line per feature:
 */
import './hooks.js';
import './time.js';
import './entities.js';
import './events.js';
import './stories.js';
