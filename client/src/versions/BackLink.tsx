/** Back to wherever the teacher came from (the lesson page, usually), for pages reached by a link. */
export function BackLink() {
  return (
    <button type="button" className="link-button back-link no-print" onClick={() => window.history.back()}>
      ← 返回
    </button>
  )
}
