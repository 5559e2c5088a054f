import { downloadRescuedCopy, type RescuedCopy } from '../collab/rescued-copy.ts'

interface RefusedChangesNoticeProps {
  reason: string
  pendingCount: number
  /** What this computer has now, read when the teacher asks for it. */
  copyNow: () => RescuedCopy
  /** The teacher chose to continue from the server's copy; what this computer had is kept first. */
  onStartOver: () => void
}

/**
 * The server refused one of this page's changes. Nothing is thrown away: the changes stay on the page
 * and in this browser's local copy, counted as unsynced. Taking a copy, or continuing from the server's
 * version, is the teacher's choice.
 */
export function RefusedChangesNotice({ reason, pendingCount, copyNow, onStartOver }: RefusedChangesNoticeProps) {
  return (
    <div className="banner banner-error" role="alert" data-testid="update-refused">
      服务器没有保存你的修改：{reason}。这些修改仍在这台电脑上（{pendingCount} 处未同步），没有丢失。
      <button
        type="button"
        className="link-button"
        onClick={() => downloadRescuedCopy(copyNow())}
        data-testid="refused-download"
      >
        下载本机副本
      </button>
      <button type="button" className="link-button" onClick={onStartOver} data-testid="refused-start-over">
        改用服务器上的版本
      </button>
    </div>
  )
}
