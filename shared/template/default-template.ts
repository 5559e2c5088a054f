/** The template a school starts with: the usual parts of a 导学案, in the order schools print them. */
import type { LessonTemplate } from './lesson-template.ts'

export const defaultLessonTemplate: LessonTemplate = {
  sections: [
    {
      key: 'objectives',
      title: '学习目标',
      hint: '写出本课的学习目标，2—4 条，用“能……”“会……”表述',
      teacherOnly: false,
    },
    { key: 'keyPoints', title: '重点难点', hint: '重点：……  难点：……', teacherOnly: false },
    { key: 'studyMethods', title: '学法指导', hint: '告诉学生怎样预习、怎样思考、怎样合作', teacherOnly: false },
    { key: 'preview', title: '预习导学', hint: '学生课前独立完成的阅读和练习', teacherOnly: false },
    { key: 'inquiry', title: '合作探究', hint: '课堂上的小组任务和探究问题', teacherOnly: false },
    { key: 'presentation', title: '展示交流', hint: '各组展示什么、怎样点评和归纳', teacherOnly: false },
    { key: 'classCheck', title: '当堂检测', hint: '当堂练习题；参考答案请标为“教师用”', teacherOnly: false },
    { key: 'summary', title: '课堂小结', hint: '本课学了什么、方法和体会', teacherOnly: false },
    { key: 'homework', title: '课后作业（拓展延伸）', hint: '必做题和选做题', teacherOnly: false },
    { key: 'reflection', title: '课后反思', hint: '授课后填写：成功之处、不足之处、改进措施', teacherOnly: true },
  ],
}
