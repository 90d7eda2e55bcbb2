import type { Para } from '../layout/types.ts';
import type { ParagraphRole, Section } from '../schema/report.ts';

/** A paragraph placed in the section tree. */
export interface DocPara extends Para {
  id: string;
  sectionId: string | null;
  docRole: ParagraphRole;
}

export interface SectionTree {
  sections: Section[];
  paragraphs: DocPara[];
}
