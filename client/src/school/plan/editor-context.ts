import type { PlanContent } from '@kehou/shared';
import type { PlanEditorView, PlanIssue } from '@kehou/shared/disclosure';
import type { PolicyProfile } from '@kehou/shared/policy';
import { createContext, useContext } from 'react';

export interface Editor {
  view: PlanEditorView;
  profile: PolicyProfile;
  content: PlanContent;
  /** Applies an edit to a copy of the content. */
  change: (edit: (draft: PlanContent) => void) => void;
  issues: PlanIssue[];
  readOnly: boolean;
}

export const EditorContext = createContext<Editor | null>(null);

export function useEditor(): Editor {
  const editor = useContext(EditorContext);
  if (!editor) throw new Error('useEditor outside the plan editor');
  return editor;
}

/** A fresh id for a new row: letters and digits only (the schema's id format). */
export function newId(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;
}

export const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
