/** What happened to pictures being inserted: an upload under way, or why some were not inserted. */
export function ImageNotice({ message, onClose }: { message: string | null; onClose: () => void }) {
  if (!message) return null
  return (
    <p className="image-notice" role="status" data-testid="image-notice">
      {message}
      <button type="button" className="link-button" onClick={onClose}>
        知道了
      </button>
    </p>
  )
}
