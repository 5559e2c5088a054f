/** The notices at the top of the app about working offline and about a new version. */
import { useOfflineMode } from './offline-mode.ts'
import { reloadIntoUpdate, useUpdateWaiting } from './service-worker.ts'

export function OfflineBanner() {
  if (!useOfflineMode()) return null
  return (
    <div className="banner banner-calm" role="status" data-testid="offline-banner">
      离线模式：修改保存在本机，联网后自动同步
    </div>
  )
}

export function UpdateBanner() {
  if (!useUpdateWaiting()) return null
  return (
    <div className="banner banner-calm" role="status" data-testid="update-banner">
      有新版本，刷新即可使用
      <button type="button" className="link-button" onClick={() => void reloadIntoUpdate()}>
        刷新
      </button>
    </div>
  )
}
