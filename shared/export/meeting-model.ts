/** A 集体备课记录 as an export: the record's facts as the header form, 讨论纪要 and 形成共识 as sections. */
import type { MeetingSheet } from '../api/meetings.ts'
import { chineseNumeral } from './chinese-numerals.ts'
import type { ExportBlock, ExportDocument } from './export-model.ts'

export function meetingExport(sheet: MeetingSheet): ExportDocument {
  const { meeting, lesson } = sheet
  const names = (people: readonly { displayName: string }[]) =>
    people.map((person) => person.displayName).join('、') || '无'
  const sections = [
    { title: '讨论纪要', text: meeting.summary },
    { title: '形成共识', text: meeting.decisions },
  ]
  return {
    title: '集体备课记录',
    subtitle: [sheet.groupName, lesson.semester].filter(Boolean).join(' · '),
    edition: 'teacher',
    singleEdition: true,
    header: [
      { label: '课题', value: `${lesson.title}（第${lesson.period}课时）` },
      { label: '时间', value: `${meeting.date} ${meeting.startTime}—${meeting.endTime}` },
      { label: '地点', value: meeting.place },
      { label: '主讲人', value: meeting.presenter.displayName },
      { label: '专题', value: meeting.topic },
      { label: '参加人员', value: names(meeting.attendees) },
      { label: '缺席', value: names(sheet.absent) },
      { label: '记录人', value: meeting.updatedBy.displayName },
    ],
    studentLine: false,
    legend: null,
    blocks: sections.map(({ title, text }, index): ExportBlock => ({
      kind: 'section',
      number: chineseNumeral(index + 1),
      title,
      teacherOnly: false,
      blocks: paragraphsOf(text),
    })),
  }
}

/** One paragraph per line the recorder typed; an empty record prints one empty line to write on. */
export function paragraphsOf(text: string): ExportBlock[] {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '')
  return (lines.length > 0 ? lines : ['']).map((line) => ({
    kind: 'paragraph',
    inlines: [{ text: line }],
    teacherOnly: false,
  }))
}
