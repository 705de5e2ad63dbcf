/// `Column` is an immutable array of fixed-width integers that is read in place: either memory it
/// owns (copied once from an array, when a store is built) or a slice of a snapshot's mapping,
/// which `owner` keeps mapped for as long as any column points into it. A store opened from a
/// snapshot reads its postings and bodies through columns, so opening copies none of them and
/// their pages are read from the file only when a query touches them.
///
/// Reads are bounds-checked like an array's; the hot loops take `withUnsafeBufferPointer`. The
/// accessors are inlinable so that the modules reading columns get them specialised to their
/// element type, as an array's would be, not through generic calls.
public struct Column<Element: FixedWidthInteger>: RandomAccessCollection, @unchecked Sendable {
  // Immutable: nothing writes through `base` once the column exists.
  @usableFromInline let base: UnsafePointer<Element>?
  public let startIndex: Int
  public let endIndex: Int
  @usableFromInline let owner: AnyObject?

  /// An empty column.
  public init() {
    base = nil
    startIndex = 0
    endIndex = 0
    owner = nil
  }

  /// `init(_:)` copies an array into memory the column owns.
  public init(_ values: [Element]) {
    self = values.withUnsafeBufferPointer { Column(copying: $0) }
  }

  /// `init(copying:)` copies elements into memory the column owns.
  public init(copying values: UnsafeBufferPointer<Element>) {
    guard !values.isEmpty else {
      self.init()
      return
    }
    let storage = Storage(values)
    self.init(base: UnsafePointer(storage.pointer), range: 0..<values.count, owner: storage)
  }

  /// `init(mapped:count:owner:)` reads `count` elements in place at `pointer` (aligned for
  /// `Element`), in memory that `owner` keeps valid and unchanged while it lives.
  public init(mapped pointer: UnsafePointer<Element>, count: Int, owner: AnyObject & Sendable) {
    self.init(base: pointer, range: 0..<count, owner: owner)
  }

  @usableFromInline init(base: UnsafePointer<Element>?, range: Range<Int>, owner: AnyObject?) {
    self.base = base
    startIndex = range.lowerBound
    endIndex = range.upperBound
    self.owner = owner
  }

  @inlinable public subscript(position: Int) -> Element {
    precondition(position >= startIndex && position < endIndex, "Column index out of range")
    // A non-empty range implies a base.
    return base.unsafelyUnwrapped[position]
  }

  /// A slice shares the memory (and its owner); its indices are the column's.
  @inlinable public subscript(bounds: Range<Int>) -> Column<Element> {
    precondition(bounds.lowerBound >= startIndex && bounds.upperBound <= endIndex, "Column range out of range")
    return Column(base: base, range: bounds, owner: owner)
  }

  /// `withUnsafeBufferPointer(_:)` calls `body` with the elements, `startIndex` at offset 0.
  @inlinable public func withUnsafeBufferPointer<R, E: Error>(_ body: (UnsafeBufferPointer<Element>) throws(E) -> R) throws(E) -> R {
    try body(UnsafeBufferPointer(start: base.map { $0 + startIndex }, count: endIndex - startIndex))
  }

  /// `withUnsafeBytes(_:)` calls `body` with the elements' bytes.
  @inlinable public func withUnsafeBytes<R, E: Error>(_ body: (UnsafeRawBufferPointer) throws(E) -> R) throws(E) -> R {
    try withUnsafeBufferPointer { (p: UnsafeBufferPointer<Element>) throws(E) -> R in try body(UnsafeRawBufferPointer(p)) }
  }

  /// Memory a column owns: allocated once, freed with the last column pointing into it.
  private final class Storage: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<Element>
    let count: Int

    init(_ values: UnsafeBufferPointer<Element>) {
      count = values.count
      pointer = .allocate(capacity: values.count)
      _ = UnsafeMutableBufferPointer(start: pointer, count: count).initialize(from: values)
    }

    deinit { pointer.deallocate() }
  }
}

extension Column: Equatable {
  /// Two columns are equal when they hold the same elements, wherever they live.
  @inlinable public static func == (a: Column, b: Column) -> Bool {
    a.count == b.count && a.withUnsafeBytes { x in b.withUnsafeBytes { y in x.elementsEqual(y) } }
  }
}

/// `BorrowedBytes` hands read-only bytes that someone else keeps alive (a snapshot's mapping) to
/// work on other cores: the caller vouches that they outlive the work and do not change.
public struct BorrowedBytes: @unchecked Sendable {
  public let bytes: UnsafeRawBufferPointer

  public init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }
}
