/** JSON shapes of `GET/PUT /api/template`, the school's 导学案 template. */
import { z } from 'zod'
import { lessonTemplate } from '../template/lesson-template.ts'

export const templateView = z.object({
  template: lessonTemplate,
  /** True while the school has never saved its own: the template is the built-in default. */
  isDefault: z.boolean(),
  updatedAt: z.string().nullable().describe('ISO 8601 time of the last save, null for the default'),
  updatedBy: z.object({ id: z.string(), displayName: z.string() }).nullable(),
  /** Whether the signed-in user may change it (only the office). */
  canEdit: z.boolean(),
})
export type TemplateView = z.infer<typeof templateView>

export const saveTemplateRequest = z.object({ template: lessonTemplate })
export type SaveTemplateRequest = z.infer<typeof saveTemplateRequest>
