import type { TemplateView } from '../../../shared/api/template.ts'
import type { LessonTemplate } from '../../../shared/template/lesson-template.ts'
import { apiRequest } from './http.ts'

export function fetchTemplate(): Promise<TemplateView> {
  return apiRequest<TemplateView>('/api/template')
}

export function saveTemplate(template: LessonTemplate): Promise<TemplateView> {
  return apiRequest<TemplateView>('/api/template', { method: 'PUT', body: { template } })
}
