/// <reference types="astro/client" />
declare namespace App {
  interface Locals {
    /** Set by a story page before its body renders, for <StoryPanels /> (src/components/StoryPanels.astro). */
    storyPanels?: import('./components/story-panels.ts').StoryPanelsData;
  }
}

/** True in the dev server, where drafts show (defined by src/integrations/index.ts). */
declare const __SHOW_DRAFTS__: boolean;
