/**
 * The demo school's sample 导学案: 人教版七年级数学上册 3.1.1 一元一次方程, first lesson, written the way
 * a 备课组 writes one, as ProseMirror JSON for the shared editor schema: the header, the default
 * template's sections, and a few 教师用 blocks (answers, timing, a 二次备课 note).
 */
import type { JSONContent } from '@tiptap/core'
import { type HeaderFieldKey, headerFieldKeys } from '../../shared/schema/header-fields.ts'
import { defaultLessonTemplate } from '../../shared/template/default-template.ts'

export const sampleLessonTitle = '3.1.1 一元一次方程 导学案'

export interface SampleLessonPeople {
  /** 主备人, who drafted it. */
  leadPreparer: string
  /** 审核人, usually the 备课组长. */
  reviewer: string
}

export function sampleLessonContent(people: SampleLessonPeople): JSONContent {
  return {
    type: 'doc',
    content: [
      header({
        subject: '数学',
        grade: '七年级',
        topic: '3.1.1 一元一次方程',
        lessonType: '新授课',
        period: '第1课时',
        leadPreparer: people.leadPreparer,
        reviewer: people.reviewer,
        classes: '七年级（1）—（4）班',
        date: '2026年11月24日（第12周）',
      }),

      section(
        'objectives',
        orderedList(
          '通过分析实际问题中的数量关系，经历“设未知数、找相等关系、列方程”的过程，体会方程是刻画现实世界数量关系的有效模型。',
          '理解方程、一元一次方程和方程的解的概念，会判断一个方程是不是一元一次方程，会检验一个数是不是方程的解。',
          '对比算术方法和方程方法，感受从算式到方程是数学的一大进步。',
        ),
      ),

      section(
        'keyPoints',
        paragraph(bold('重点：'), text('一元一次方程的概念；根据实际问题中的相等关系列出一元一次方程。')),
        paragraph(bold('难点：'), text('找出实际问题中的相等关系。')),
      ),

      section(
        'studyMethods',
        bulletList(
          '课前阅读课本3.1.1节，勾画方程、一元一次方程、方程的解的定义，圈出关键词“一个未知数”“次数都是1”“整式”。',
          '列方程时先分清已知量和未知量，再找“同一个量的两种不同表示”，它们相等就是相等关系。',
          '合作探究时先独立思考2分钟，再在小组内交流，组长记录不同的列法。',
        ),
      ),

      section(
        'preview',
        paragraph(text('（课前完成）阅读课本，完成下列填空：')),
        orderedList(
          '含有________的________叫做方程。',
          '只含有________个未知数（元），未知数的次数都是________，等号两边都是________，这样的方程叫做一元一次方程。',
          '使方程中等号左右两边________的未知数的值，叫做方程的________。',
          '检验：x = 2 是方程 3x − 1 = 5 的解吗？x = 3 呢？写出检验过程。',
        ),
        teacherOnly(
          paragraph(bold('参考答案：'), text('1. 未知数，等式　2. 一，1，整式　3. 相等，解　4. x = 2 是，x = 3 不是')),
        ),
      ),

      section(
        'inquiry',
        teacherOnly(paragraph(bold('时间安排：'), text('探究一 8 分钟，探究二 5 分钟，探究三 12 分钟。'))),
        heading(3, '探究一：从算式到方程'),
        paragraph(
          text(
            '问题：汽车匀速行驶途经王家庄、青山、秀水三地的时间如下表所示。翠湖在青山、秀水两地之间，距青山 50 km，距秀水 70 km。王家庄到翠湖的路程有多远？',
          ),
        ),
        table([
          [label('地点'), label('王家庄'), label('青山'), label('秀水')],
          [label('时间'), cell('10:00'), cell('13:00'), cell('15:00')],
        ]),
        orderedList(
          '用算术方法解决这个问题，列出算式。（提示：先求汽车的速度）',
          '设王家庄到翠湖的路程为 x km，则王家庄到青山的路程为________ km，汽车从王家庄到青山的速度为________ km/h；王家庄到秀水的路程为________ km，速度为________ km/h。',
          '汽车匀速行驶，两段的速度相等，列出方程：________________。',
        ),
        paragraph(text('想一想：算术方法和方程方法，哪种更容易想到？为什么？')),

        heading(3, '探究二：一元一次方程'),
        paragraph(text('观察下列方程，它们有什么共同特点？')),
        bulletList('4x = 24', '1700 + 150x = 2450', '0.52x − (1 − 0.52)x = 80', '(x − 50)/3 = (x + 70)/5'),
        paragraph(text('归纳：______________________________________________。')),

        heading(3, '探究三：根据实际问题列方程（课本例1）'),
        paragraph(text('根据下列问题，设未知数并列出方程：')),
        orderedList(
          '用一根长 24 cm 的铁丝围成一个正方形，正方形的边长是多少？',
          '一台计算机已使用 1700 h，预计每月再使用 150 h，经过多少月这台计算机的使用时间达到规定的检修时间 2450 h？',
          '某校女生占全体学生数的 52%，比男生多 80 人，这个学校有多少学生？',
        ),
        paragraph(text('小组讨论：列方程的关键是什么？你们组是怎样找相等关系的？')),
      ),

      section(
        'presentation',
        bulletList(
          '各小组派代表展示探究三的列方程过程，说明设的未知数和依据的相等关系。',
          '第3题可以设学生总数，也可以设男生或女生人数，比较哪种设法列出的方程更简单。',
          '师生共同归纳列方程解决实际问题的一般步骤：设未知数 → 找相等关系 → 列方程。',
        ),
        teacherOnly(
          paragraph(
            bold('二次备课：'),
            text('（3）班基础较弱，展示前先请学生口述第3题的相等关系“女生人数 − 男生人数 = 80”，再列方程。'),
          ),
        ),
      ),

      section(
        'classCheck',
        paragraph(text('（10分钟，独立完成）')),
        table([
          [label('题号'), label('题目'), label('分值')],
          [
            cell('1'),
            cell('下列各式中，是一元一次方程的是（  ）A. 2x − y = 1　B. x² − 4x = 3　C. 3x − 1 = 2x + 5　D. 1/x = 2'),
            cell('20'),
          ],
          [cell('2'), cell('检验 x = 3 和 x = −2 是不是方程 2x − 1 = x + 2 的解。'), cell('20')],
          [cell('3'), cell('已知 x = 2 是方程 3x + a = 10 的解，求 a 的值。'), cell('20')],
          [cell('4'), cell('小明今年 12 岁，爸爸今年 40 岁，几年后爸爸的年龄是小明的 3 倍？（只列方程）'), cell('20')],
          [cell('5'), cell('某班有学生 45 人，男生比女生多 3 人。设女生有 x 人，列出方程。'), cell('20')],
        ]),
        teacherOnly(
          paragraph(
            bold('参考答案：'),
            text('1. C　2. x = 3 是，x = −2 不是　3. a = 4　4. 设 x 年后，40 + x = 3(12 + x)　5. x + (x + 3) = 45'),
          ),
        ),
      ),

      section(
        'summary',
        orderedList(
          '本节课学习了哪些概念？（方程、一元一次方程、方程的解）',
          '列方程解决实际问题的一般步骤是什么？',
          '从算式到方程，你有什么体会？',
        ),
      ),

      section(
        'homework',
        paragraph(bold('必做：'), text('课本习题3.1 第1、2、3题。')),
        paragraph(bold('选做：'), text('编一道能用一元一次方程解决的生活问题，与同桌交换并列出方程。')),
      ),

      section(
        'reflection',
        paragraph(text('（授课后填写）')),
        paragraph(bold('成功之处：')),
        paragraph(bold('不足之处：')),
        paragraph(bold('改进措施：')),
      ),
    ],
  }
}

function header(values: Record<HeaderFieldKey, string>): JSONContent {
  return {
    type: 'lessonHeader',
    content: headerFieldKeys.map((field) => ({
      type: 'headerField',
      attrs: { field },
      content: [text(values[field])],
    })),
  }
}

/** A section as the default template defines it, so the sample looks like a draft made today. */
function section(key: string, ...content: JSONContent[]): JSONContent {
  const template = defaultLessonTemplate.sections.find((candidate) => candidate.key === key)
  if (!template) throw new Error(`The default template has no section "${key}"`)
  const { title, hint, teacherOnly } = template
  return { type: 'section', attrs: { key, title, hint, teacherOnly }, content }
}

function teacherOnly(block: JSONContent): JSONContent {
  return { ...block, attrs: { ...block.attrs, teacherOnly: true } }
}

function text(value: string): JSONContent {
  return { type: 'text', text: value }
}

function bold(value: string): JSONContent {
  return { type: 'text', text: value, marks: [{ type: 'bold' }] }
}

function paragraph(...content: JSONContent[]): JSONContent {
  return { type: 'paragraph', content }
}

function heading(level: 1 | 2 | 3, value: string): JSONContent {
  return { type: 'heading', attrs: { level }, content: [text(value)] }
}

function orderedList(...items: string[]): JSONContent {
  return { type: 'orderedList', content: items.map(listItem) }
}

function bulletList(...items: string[]): JSONContent {
  return { type: 'bulletList', content: items.map(listItem) }
}

function listItem(value: string): JSONContent {
  return { type: 'listItem', content: [paragraph(text(value))] }
}

function table(rows: JSONContent[][]): JSONContent {
  return { type: 'table', content: rows.map((cells) => ({ type: 'tableRow', content: cells })) }
}

function label(value: string): JSONContent {
  return { type: 'tableHeader', content: [paragraph(bold(value))] }
}

function cell(value: string): JSONContent {
  return { type: 'tableCell', content: [paragraph(text(value))] }
}
