/// <reference types="astro/client" />
declare namespace App {
  interface Locals {
    /** Set by a story page before its body renders, for <StoryPanels /> (src/components/StoryPanels.astro). */
    storyPanels?: import('./components/story-panels.ts').StoryPanelsData;
  }
}
