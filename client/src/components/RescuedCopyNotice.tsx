import { downloadRescuedCopy, type RescuedCopy } from '../collab/rescued-copy.ts'
import { dateTimeText } from '../time-text.ts'

interface RescuedCopyNoticeProps {
  copy: RescuedCopy
  onForget: () => void
}

/** Offers the copy kept before the page started over from the server's, until the teacher lets it go. */
export function RescuedCopyNotice({ copy, onForget }: RescuedCopyNoticeProps) {
  return (
    <div className="banner" role="status" data-testid="rescued-copy">
      服务器退回修改前，这台电脑上的内容已另存一份（{dateTimeText(copy.savedAt)}
      ），可以下载后找回没保存上的内容。
      <button
        type="button"
        className="link-button"
        onClick={() => downloadRescuedCopy(copy)}
        data-testid="rescued-copy-download"
      >
        下载这份副本
      </button>
      <button type="button" className="link-button" onClick={onForget}>
        不需要了
      </button>
    </div>
  )
}
