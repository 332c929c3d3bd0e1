/** What the key figures and timeline need, handed from the story page to <StoryPanels /> inside the body. */
import type { CitationMark } from '../lib/citations.ts';
import type { Figure, Source, TimelineEntry } from '../schemas/story.ts';

export interface StoryPanelsData {
  figures: Figure[];
  figureMarks: CitationMark[][];
  timeline: TimelineEntry[];
  timelineMarks: CitationMark[][];
  sources: Map<string, Source>;
}

/** The name of the MDX element the remark plugin puts after the short version. */
export const PANELS_ELEMENT = 'StoryPanels';
