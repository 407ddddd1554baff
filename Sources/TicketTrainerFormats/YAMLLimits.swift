/// Bounds that keep a hostile file from taking the loader's time or memory.
public struct YAMLLimits: Sendable {
    /// Largest file read, in bytes. A bank of 100,000 tickets is about 40 MB.
    public var maximumFileSize: Int
    /// Deepest nesting of lists and mappings; a lesson needs 6.
    public var maximumDepth: Int

    public init(maximumFileSize: Int = 256 * 1024 * 1024, maximumDepth: Int = 64) {
        self.maximumFileSize = maximumFileSize
        self.maximumDepth = maximumDepth
    }
}
