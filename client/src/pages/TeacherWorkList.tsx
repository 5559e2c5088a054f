/**
 * What one count of the group page's teacher table stands for, listed under the teacher's row
 * ([CHECK-6]): the lessons, adaptations, reflections or comments it counts, each with its lesson and a
 * link to the document. The server sends the lists with the counts, made by the same function, so the
 * office always finds as many documents as the number it clicked.
 */
import type { ReactNode } from 'react'
import type { TeacherWorkLists, WorkLesson } from '../../../shared/api/group-overview.ts'
import { documentKindLabels } from '../../../shared/workflow/document-access.ts'
import { hrefFor, type Route } from '../routing.ts'

/** The columns of the table that open a list; 个人加减 opens the adaptations it adds up. */
export const workColumns = {
  leadPrepared: { list: 'leadPrepared', title: '主备的课' },
  adaptations: { list: 'adaptations', title: '的二次备课' },
  adaptationChanges: { list: 'adaptations', title: '的二次备课和个人加减' },
  reflections: { list: 'reflections', title: '的课后反思' },
  comments: { list: 'comments', title: '写的批注和回复' },
} as const satisfies Record<string, { list: keyof TeacherWorkLists; title: string }>
export type WorkColumn = keyof typeof workColumns

interface TeacherWorkListProps {
  id: string
  teacherName: string
  column: WorkColumn
  work: TeacherWorkLists
}

export function TeacherWorkList({ id, teacherName, column, work }: TeacherWorkListProps) {
  const { list, title } = workColumns[column]
  return (
    <div id={id} className="teacher-work" data-testid="teacher-work" data-column={column}>
      <h3>
        {teacherName}
        {title}（{work[list].length}）
      </h3>
      <table className="overview-table teacher-work-table">
        <thead>
          <tr>
            <th>日期</th>
            <th>课题</th>
            <th>{list === 'comments' ? '批注' : '文档'}</th>
            <th>{list === 'comments' ? '状态' : list === 'adaptations' ? '个人加减' : ''}</th>
          </tr>
        </thead>
        <tbody>
          {list === 'leadPrepared' &&
            work.leadPrepared.map((item) => (
              <WorkRow key={item.lesson.id} lesson={item.lesson}>
                <DocumentLink documentId={item.documentId} to={(documentId) => ({ page: 'editor', documentId })}>
                  打开导学案
                </DocumentLink>
                <td />
              </WorkRow>
            ))}
          {list === 'adaptations' &&
            work.adaptations.map((item) => (
              <WorkRow key={item.lesson.id} lesson={item.lesson}>
                <DocumentLink documentId={item.documentId} to={(documentId) => ({ page: 'adaptation', documentId })}>
                  打开二次备课
                </DocumentLink>
                <td className="number">{item.changeCount} 处</td>
              </WorkRow>
            ))}
          {list === 'reflections' &&
            work.reflections.map((item) => (
              <WorkRow key={item.lesson.id} lesson={item.lesson}>
                <DocumentLink documentId={item.documentId} to={(documentId) => ({ page: 'editor', documentId })}>
                  打开反思
                </DocumentLink>
                <td />
              </WorkRow>
            ))}
          {list === 'comments' &&
            work.comments.map((item, index) => (
              <WorkRow key={index} lesson={item.lesson}>
                <DocumentLink
                  documentId={item.documentId}
                  to={(documentId) => ({ page: 'editor', documentId, threadId: item.threadId })}
                >
                  {documentKindLabels[item.documentKind]}
                  {item.reply ? '·回复' : ''}：{item.words}
                </DocumentLink>
                <td>{item.state === 'resolved' ? '已解决' : '未解决'}</td>
              </WorkRow>
            ))}
        </tbody>
      </table>
    </div>
  )
}

function WorkRow({ lesson, children }: { lesson: WorkLesson; children: ReactNode }) {
  return (
    <tr data-testid="work-item">
      <td>{lesson.scheduledTime ? `${lesson.scheduledDate} ${lesson.scheduledTime}` : lesson.scheduledDate}</td>
      <td>
        <a href={hrefFor({ page: 'lesson', lessonId: lesson.id })}>{lesson.title}</a>
      </td>
      {children}
    </tr>
  )
}

/** A document the reader may not open is named, not linked ([CHECK-6]). */
function DocumentLink({
  documentId,
  to,
  children,
}: {
  documentId: string | null
  to: (documentId: string) => Route
  children: ReactNode
}) {
  return (
    <td>
      {documentId ? (
        <a href={hrefFor(to(documentId))} data-testid="work-open">
          {children}
        </a>
      ) : (
        <span className="muted">{children}（无权打开）</span>
      )}
    </td>
  )
}
