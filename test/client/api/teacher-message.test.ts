import { describe, expect, it } from 'vitest'
import { errorCodes } from '../../../shared/api/error-codes.ts'
import { failureCode, teacherMessage, writtenForTeachers } from '../../../client/src/api/teacher-message.ts'

describe('teacherMessage', () => {
  it('has Chinese words for every code the server sends', () => {
    for (const code of errorCodes) expect(writtenForTeachers(teacherMessage(code, null)), code).toBe(true)
  })

  it('shows the server’s reason for a refusal or a file, and ours when the server wrote for developers', () => {
    expect(teacherMessage('forbidden', '只能批注，不能修改')).toBe('只能批注，不能修改')
    expect(teacherMessage('forbidden', 'not a member')).toBe('没有权限进行此操作')
    expect(teacherMessage('invalid_request', 'title：不能为空')).toBe('title：不能为空')
    expect(teacherMessage('unsafe_file', '文件含有宏，没有导入')).toBe('文件含有宏，没有导入')
    expect(teacherMessage('too_many_requests', '登录失败次数过多，请 5 分钟后再试')).toBe(
      '登录失败次数过多，请 5 分钟后再试',
    )
  })

  it('keeps its own words where the code says all a teacher can use', () => {
    expect(teacherMessage('not_found', '找不到该资源')).toBe('要找的内容不存在')
    expect(teacherMessage('internal', '服务器出错了：数据库连接失败')).toBe('服务器出错了，请稍后再试')
    expect(teacherMessage('unauthorized', '未登录')).toBe('请先登录')
  })

  it('falls back to the server’s Chinese for a code it does not know', () => {
    expect(teacherMessage('unknown', '这节课刚被改过，请刷新')).toBe('这节课刚被改过，请刷新')
    expect(teacherMessage('unknown', 'Conflict')).toBe('请求失败')
  })

  it('takes a request’s own words for codes it names, still after the server’s reason', () => {
    const wording = { network: '无法连接服务器，图片没有插入', forbidden: '图片没有插入' }
    expect(teacherMessage('network', null, wording)).toBe('无法连接服务器，图片没有插入')
    expect(teacherMessage('forbidden', 'denied', wording)).toBe('图片没有插入')
    expect(teacherMessage('forbidden', '只能批注', wording)).toBe('只能批注')
  })
})

describe('failureCode', () => {
  it('takes the server’s code, else reads the status', () => {
    expect(failureCode(403, 'password_change_required')).toBe('password_change_required')
    expect(failureCode(0, null)).toBe('network')
    expect(failureCode(404, null)).toBe('not_found')
    expect(failureCode(504, null)).toBe('internal')
    expect(failureCode(409, null)).toBe('unknown')
  })
})

describe('writtenForTeachers', () => {
  it('is true for Chinese text only', () => {
    expect(writtenForTeachers('图片太大')).toBe(true)
    expect(writtenForTeachers('Payload too large')).toBe(false)
    expect(writtenForTeachers(null)).toBe(false)
  })
})
