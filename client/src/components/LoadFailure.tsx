/**
 * Catches a failure to load or render the editor page. The usual cause is an update of the server
 * while this tab stayed open: the editor's code chunk of the old version is gone, and reloading
 * fetches the new one. Typed text is safe either way, in IndexedDB.
 */
import { Component, type ReactNode } from 'react'

export class LoadFailure extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false }

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true }
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children
    return (
      <p className="page-message" role="alert">
        文档页面加载失败（系统可能刚刚更新），请刷新页面。
        <button type="button" className="link-button" onClick={() => window.location.reload()}>
          刷新页面
        </button>
      </p>
    )
  }
}
