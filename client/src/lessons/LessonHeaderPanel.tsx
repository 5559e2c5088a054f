/** Who prepares which lesson, when and where, and how far it has come. */
import type { LessonDetail } from '../../../shared/api/lessons.ts'
import { lessonHref } from './lesson-routes.ts'
import { LessonUnitForm } from './LessonUnitForm.tsx'
import { scheduleText } from './plan-calendar.ts'
import { OverdueFlag, StageBadge } from './StageBadge.tsx'
import { StageProgress } from './StageProgress.tsx'

export function LessonHeaderPanel({ detail }: { detail: LessonDetail }) {
  const { lesson } = detail
  return (
    <header className="lesson-header" data-testid="lesson-header">
      <a className="back-link" href={lessonHref({ page: 'plan', groupId: lesson.groupId, semester: lesson.semester })}>
        ← {detail.groupName} · 备课计划
      </a>
      <div className="lesson-title">
        <h1 data-testid="lesson-title">{lesson.title}</h1>
        <StageBadge stage={lesson.stage} />
        {lesson.overdue && <OverdueFlag />}
      </div>
      <dl className="lesson-facts">
        <dt>单元</dt>
        <dd data-testid="lesson-unit">{lesson.unit || '未填'}</dd>
        <dt>课型</dt>
        <dd>{lesson.lessonType}</dd>
        <dt>课时</dt>
        <dd>第{lesson.period}课时</dd>
        <dt>时间</dt>
        <dd>{scheduleText(lesson)}</dd>
        <dt>地点</dt>
        <dd>{lesson.place || '未定'}</dd>
        <dt>主备人</dt>
        <dd data-testid="lesson-lead-preparer">{lesson.leadPreparer.displayName}</dd>
      </dl>
      {detail.permissions.setUnit.allowed && <LessonUnitForm key={lesson.unit} lesson={lesson} />}
      <StageProgress stage={lesson.stage} />
    </header>
  )
}
