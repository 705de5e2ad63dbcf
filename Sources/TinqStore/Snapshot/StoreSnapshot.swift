import TinqFacts
import TinqSupport
import TinqText

/// The store's part of a snapshot: the articles' metadata and facts, the lexicon, the piece
/// table, the encoded bodies and the positional index, each a section of a `SnapshotFile`.
/// Opening reads them back as they were built, so nothing is extracted or indexed again; only
/// the small indexes and the entity lists, which are derived from the facts in a fraction of a
/// second, are built anew (by the same code as on load, so they cannot differ).
extension ArticleStore {
  enum Tag {
    static let articles = "ARTS"
    static let strings = "STRS"
    static let articleOffsets = "ARTX"
    static let lexicon = "LEXI"
    static let pieces = "PIEC"
    static let bodies = "BODY"
    static let marks = "MARK"
    static let text = "TEXT"
    static let names = "NAME"
    static let idOrder = "IDOR"
    static let documents = "DOCS"
    static let terms = "TERM"
  }

  /// `write(to:)` adds the store's sections to a snapshot being written.
  /// `stop` is asked between sections; when it says yes, the write ends with `interrupted`.
  /// Large sections are written in pieces of about `pieceBytes`.
  package func write(
    to file: SnapshotFile.Writer, stop: () -> Bool = { false }, pieceBytes: Int = 1 << 22
  ) throws(SnapshotError) {
    func checkStop() throws(SnapshotError) { if stop() { throw SnapshotError("interrupted") } }
    // The large sections go out in pieces of about `piece` bytes, so the file is never all in
    // memory beside the store.
    let piece = max(1, pieceBytes)
    var offsets: [UInt64] = []
    offsets.reserveCapacity(count + 1)
    // Every text of the articles' records is a number in one table of distinct strings: the
    // same rule names, ranks, citations and names recur in article after article.
    var arts = ArticleWriter()
    try file.section(Tag.articles) { (out: inout SnapshotFile.Writer.Section) throws(SnapshotError) in
      arts.w.count(count)
      for a in metadata {
        offsets.append(UInt64(out.length + arts.w.bytes.count))
        arts.encode(a)
        try out.drain(&arts.w, over: piece)
      }
      offsets.append(UInt64(out.length + arts.w.bytes.count))
      try out.drain(&arts.w)
    }
    try checkStop()
    var strings = SnapshotWriter()
    strings.count(arts.strings.count)
    for string in arts.strings { strings.string(string) }
    arts = ArticleWriter()
    try file.add(Tag.strings, strings.bytes)
    strings = SnapshotWriter()
    var index = SnapshotWriter()
    index.column(Column(offsets))
    try file.add(Tag.articleOffsets, index.bytes)
    try checkStop()
    try file.add(Tag.lexicon, fullText.lexicon.encoded())
    try checkStop()
    try file.add(Tag.pieces, bodies.pieces.encoded())
    try checkStop()
    try file.section(Tag.bodies) { (out: inout SnapshotFile.Writer.Section) throws(SnapshotError) in
      var body = SnapshotWriter()
      body.count(bodies.segmentSize)
      body.integers(bodies.starts)
      body.count(bodies.segments.count)
      for s in bodies.segments {
        body.column(s)
        try out.drain(&body, over: piece)
      }
      try out.drain(&body)
    }
    try checkStop()
    let marks = bodies.marks ?? BodyMarks(bodies)
    var marksWriter = SnapshotWriter()
    marksWriter.count(BodyMarks.stride)
    marksWriter.column(marks.first)
    marksWriter.column(marks.offsets)
    marksWriter.column(marks.leads)
    try file.add(Tag.marks, marksWriter.bytes)
    try checkStop()
    try file.section(Tag.text) { (out: inout SnapshotFile.Writer.Section) throws(SnapshotError) in
      var text = SnapshotWriter()
      text.count(fullText.universe)
      text.integers(fullText.titleLength)
      text.integers(fullText.documentLength)
      text.count(fullText.segments.count)
      for s in fullText.segments {
        s.encode(into: &text)
        try out.drain(&text, over: piece)
      }
      try out.drain(&text)
    }
    try checkStop()
    // What the facts give after a corpus-wide pass, kept so that opening need not redo it: the
    // people and organisations with their name keys, and the ids' order.
    var names = SnapshotWriter()
    for list in [people, organizations] {
      names.count(list.count)
      for e in list {
        names.string(e.name)
        names.optionalString(e.abbreviation)
        names.count(e.ranks.count)
        for r in e.ranks { names.string(r) }
        names.count(e.positions.count)
        for p in e.positions { names.string(p) }
        names.integers(e.articles.map { UInt32($0) })
      }
    }
    for map in [entityByToned, entityByBare] {
      names.count(map.count)
      for (key, entities) in map.sorted(by: { $0.key < $1.key }) {
        names.string(key)
        names.integers(entities.map { UInt32($0) })
      }
    }
    try file.add(Tag.names, names.bytes)
    try file.add(Tag.documents, encodeDocuments())
    var order = SnapshotWriter()
    order.integers(sortedIDs.map { UInt32($0.ordinal) })
    try file.add(Tag.idOrder, order.bytes)
    try checkStop()
    // The corpus's syllable counts (collocates and keywords read them), so that a snapshot
    // answers its first word statistics as fast as a loaded corpus does once it has counted.
    guard let terms = corpusTerms(stop: stop) else { throw SnapshotError("interrupted") }
    try file.add(Tag.terms, Self.encodeTerms(terms))
  }

  /// `encodeTerms(_:)` is the `TERM` section: the total, a count of keys, then per key (in
  /// byte order) the toned key, its first spelling and its frequency.
  static func encodeTerms(_ terms: CorpusTerms) -> [UInt8] {
    var w = SnapshotWriter()
    w.count(terms.total)
    w.count(terms.frequency.count)
    for (key, n) in terms.frequency.sorted(by: { Array($0.key.utf8).lexicographicallyPrecedes($1.key.utf8) }) {
      w.string(key)
      w.string(terms.spelling[key] ?? key)
      w.count(n)
    }
    return w.bytes
  }

  /// `decodeTerms(_:)` reads `TERM` back, checking that the frequencies add up to the total.
  static func decodeTerms(_ bytes: UnsafeRawBufferPointer) throws(SnapshotError) -> CorpusTerms {
    var r = SnapshotReader(bytes, section: Tag.terms)
    let total = try r.count(max: Int.max)
    let n = try r.count()
    var frequency: [String: Int] = [:]
    var spelling: [String: String] = [:]
    frequency.reserveCapacity(n)
    spelling.reserveCapacity(n)
    var sum = 0
    for _ in 0..<n {
      let key = try r.string()
      spelling[key] = try r.string()
      let f = try r.count(max: total - sum)
      frequency[key] = f
      sum += f
    }
    try r.expectEnd()
    guard sum == total, frequency.count == n else { throw r.failure("the counts do not add up") }
    return CorpusTerms(frequency: frequency, spelling: spelling, total: total)
  }

  /// `init(snapshot:)` reads a store back from a verified snapshot, checking that its parts agree
  /// (counts, offsets within their streams, ids within the lexicon) before any query can read
  /// them.
  package init(snapshot file: SnapshotFile.Mapped) throws(SnapshotError) {
    let arts = try file.section(Tag.articles)
    var offsetReader = SnapshotReader(try file.section(Tag.articleOffsets), section: Tag.articleOffsets)
    let offsets = try offsetReader.column(UInt64.self, owner: file)
    try offsetReader.expectEnd()
    var head = SnapshotReader(arts, section: Tag.articles)
    let n = try head.count()
    let ordered = offsets.withUnsafeBufferPointer { o in zip(o, o.dropFirst()).allSatisfy { $0 <= $1 } }
    guard offsets.count == n + 1, offsets.first == UInt64(head.offset), offsets.last == UInt64(arts.count), ordered
    else { throw SnapshotError("corrupt snapshot: the article offsets do not fit section \(Tag.articles)") }
    // The records are decoded as queries reach them; the small indexes, from the records' first
    // fields, when a query first needs them.
    let records = SnapshotRecords(
      file: file, count: n, records: arts, offsets: offsets, strings: try file.section(Tag.strings))
    let table = ArticleTable(records: records)
    var orderReader = SnapshotReader(try file.section(Tag.idOrder), section: Tag.idOrder)
    let order = try orderReader.integers(UInt32.self, count: n).map(Int.init)
    try orderReader.expectEnd()
    let small = Deferred { SmallIndexes((0..<n).map(table.head), idOrder: order) }

    // Read-only views of the mapping, which `file` keeps alive until the store is built.
    let lexicon = BorrowedBytes(try file.section(Tag.lexicon))
    let pieces = BorrowedBytes(try file.section(Tag.pieces))
    let bodies = BorrowedBytes(try file.section(Tag.bodies))
    let text = BorrowedBytes(try file.section(Tag.text))
    let namesView = BorrowedBytes(try file.section(Tag.names))
    let documentsView = BorrowedBytes(try file.section(Tag.documents))

    enum Part: Sendable {
      case lexicon(Result<Lexicon, SnapshotError>)
      case pieces(Result<PieceTable, SnapshotError>)
      case bodies(Result<([Column<UInt8>], [UInt32], Int), SnapshotError>)
      case text(Result<([Segment], [UInt32], [UInt32], Int), SnapshotError>)
      case names(Result<Names, SnapshotError>)
      case documents(Result<[CitedDocument], SnapshotError>)
    }
    var lex: Lexicon?
    var pieceTable: PieceTable?
    var body: ([Column<UInt8>], [UInt32], Int)?
    var index: ([Segment], [UInt32], [UInt32], Int)?
    var names: Names?
    var documents: [CitedDocument]?
    // The longest jobs first.
    for part in Parallel.map(6, { job -> Part in
      switch job {
      case 0: return .names(Result { () throws(SnapshotError) in try Self.decodeNames(namesView.bytes, articles: n) })
      case 1: return .text(Result { () throws(SnapshotError) in try Self.decodeText(text.bytes, articles: n, owner: file) })
      case 2: return .lexicon(Result { () throws(SnapshotError) in try Lexicon(snapshot: lexicon.bytes) })
      case 3: return .bodies(Result { () throws(SnapshotError) in try Self.decodeBodies(bodies.bytes, articles: n, owner: file) })
      case 4: return .documents(Result { () throws(SnapshotError) in try Self.decodeDocuments(documentsView.bytes, articles: n) })
      default: return .pieces(Result { () throws(SnapshotError) in try PieceTable(snapshot: pieces.bytes) })
      }
    }) {
      switch part {
      case .lexicon(let r): lex = try r.get()
      case .pieces(let r): pieceTable = try r.get()
      case .bodies(let r): body = try r.get()
      case .text(let r): index = try r.get()
      case .names(let r): names = try r.get()
      case .documents(let r): documents = try r.get()
      }
    }
    guard let lex, let pieceTable, let body, let index, let names, let documents else {
      throw SnapshotError("corrupt snapshot: a section is missing")
    }
    for segment in index.0 {
      for term in segment.terms where Int(term) >= lex.count {
        throw SnapshotError("corrupt snapshot: section \(Tag.text): a term outside the lexicon")
      }
    }
    let fullText = FullTextIndex(lexicon: lex, segments: index.0, titleLength: index.1, documentLength: index.2, universe: n)
    var bodyStore = BodyStore(pieces: pieceTable, segments: body.0, starts: body.1, segmentSize: body.2)
    // A snapshot written before the marks has none: its bodies are stepped through.
    if let marks = file.sections[Tag.marks] {
      bodyStore.marks = try Self.decodeMarks(marks, articles: n, owner: file)
    }
    // Counted again on first use when the snapshot has none or they do not decode.
    let stored = (try? file.section(Tag.terms)).map(BorrowedBytes.init)
    let terms = stored.map { view in
      Deferred { withExtendedLifetime(file) { try? Self.decodeTerms(view.bytes) } }
    }
    self.init(
      metadata: table, text: (fullText, bodyStore), documents: documents, names: names, indexes: small, terms: terms)
    // Checking read the per-term arrays and dense offsets of every segment, and with them the
    // pages around them; a query reads again only what it needs.
    file.releaseResident()
  }

  /// `encodeDocuments()` is the cited documents as a section: each citation as first seen (with
  /// its provenance) and the articles citing it.
  func encodeDocuments() -> [UInt8] {
    var w = SnapshotWriter()
    w.count(documents.count)
    for d in documents {
      w.citation(d.citation)
      w.integers(d.articles.map { UInt32($0) })
    }
    return w.bytes
  }

  static func decodeDocuments(_ bytes: UnsafeRawBufferPointer, articles n: Int) throws(SnapshotError) -> [CitedDocument] {
    var r = SnapshotReader(bytes, section: Tag.documents)
    var documents: [CitedDocument] = []
    for _ in 0..<(try r.count()) {
      let citation = try r.citation()
      let articles = try r.integers(UInt32.self)
      guard !articles.isEmpty, zip(articles, articles.dropFirst()).allSatisfy({ $0 < $1 }),
        articles.last.map({ Int($0) < n }) ?? true
      else { throw r.failure("a document's articles out of order") }
      documents.append(CitedDocument(citation: citation, articles: articles.map(Int.init)))
    }
    try r.expectEnd()
    return documents
  }

  static func decodeNames(_ bytes: UnsafeRawBufferPointer, articles n: Int) throws(SnapshotError) -> Names {
    var r = SnapshotReader(bytes, section: Tag.names)
    var lists: [[NamedEntity]] = []
    for _ in 0..<2 {
      var list: [NamedEntity] = []
      for _ in 0..<(try r.count()) {
        let name = try r.string()
        let abbreviation = try r.optionalString()
        var ranks: [String] = []
        for _ in 0..<(try r.count()) { ranks.append(try r.string()) }
        var positions: [String] = []
        for _ in 0..<(try r.count()) { positions.append(try r.string()) }
        let articles = try r.integers(UInt32.self)
        guard zip(articles, articles.dropFirst()).allSatisfy({ $0 < $1 }), articles.last.map({ Int($0) < n }) ?? true else {
          throw r.failure("an entity's articles out of order")
        }
        list.append(
          NamedEntity(name: name, abbreviation: abbreviation, ranks: ranks, positions: positions, articles: articles.map(Int.init)))
      }
      lists.append(list)
    }
    let entities = lists[0].count + lists[1].count
    var maps: [[String: [Int]]] = []
    for _ in 0..<2 {
      var map: [String: [Int]] = [:]
      let count = try r.count()
      map.reserveCapacity(count)
      for _ in 0..<count {
        let key = try r.string()
        let list = try r.integers(UInt32.self)
        guard list.allSatisfy({ Int($0) < entities }), map.updateValue(list.map(Int.init), forKey: key) == nil else {
          throw r.failure("a name key that names no entity")
        }
      }
      maps.append(map)
    }
    try r.expectEnd()
    return (lists[0], lists[1], maps[0], maps[1])
  }

  // MARK: - Bodies and postings

  static func decodeBodies(
    _ bytes: UnsafeRawBufferPointer, articles n: Int, owner: AnyObject & Sendable
  ) throws(SnapshotError) -> ([Column<UInt8>], [UInt32], Int) {
    var r = SnapshotReader(bytes, section: Tag.bodies)
    let segmentSize = try r.count(max: 1 << 20)
    guard segmentSize == FullTextIndex.segmentSize else { throw r.failure("segments of \(segmentSize) articles") }
    let starts = try r.integers(UInt32.self, count: n)
    let segmentCount = try r.count(max: n)
    guard segmentCount == (n + segmentSize - 1) / segmentSize else { throw r.failure("\(segmentCount) segments for \(n) articles") }
    var segments: [Column<UInt8>] = []
    segments.reserveCapacity(segmentCount)
    for s in 0..<segmentCount {
      let seg = try r.column(UInt8.self, owner: owner)
      // Each article's encoding lies within its segment, in order.
      var previous = 0
      for i in (s * segmentSize)..<min(n, (s + 1) * segmentSize) {
        let start = Int(starts[i])
        guard start >= previous, start <= seg.count else { throw r.failure("article \(i)'s body lies outside its segment") }
        previous = start
      }
      segments.append(seg)
    }
    try r.expectEnd()
    return (segments, starts, segmentSize)
  }

  /// `decodeMarks(_:articles:owner:)` reads the bodies' marks in place. Their counts are checked
  /// here; an offset is checked where it is used (it must fall within its body), and a lead is
  /// taken as 1 when it is not 0.
  static func decodeMarks(
    _ bytes: UnsafeRawBufferPointer, articles n: Int, owner: AnyObject & Sendable
  ) throws(SnapshotError) -> BodyMarks {
    var r = SnapshotReader(bytes, section: Tag.marks)
    let stride = try r.count(max: 1 << 20)
    guard stride == BodyMarks.stride else { throw r.failure("marks every \(stride) pieces") }
    let first = try r.column(UInt32.self, count: n + 1, owner: owner)
    let offsets = try r.column(UInt32.self, owner: owner)
    let leads = try r.column(UInt8.self, count: n, owner: owner)
    try r.expectEnd()
    var previous: UInt32 = 0
    for f in first {
      guard f >= previous else { throw r.failure("marks out of order") }
      previous = f
    }
    guard first.first == 0, Int(previous) == offsets.count else { throw r.failure("marks that do not fill their column") }
    return BodyMarks(first: first, offsets: offsets, leads: leads)
  }

  static func decodeText(
    _ bytes: UnsafeRawBufferPointer, articles n: Int, owner: AnyObject & Sendable
  ) throws(SnapshotError) -> ([Segment], [UInt32], [UInt32], Int) {
    var r = SnapshotReader(bytes, section: Tag.text)
    guard try r.count(max: Int.max) == n else { throw r.failure("an index of another number of articles") }
    let titleLength = try r.integers(UInt32.self, count: n)
    let documentLength = try r.integers(UInt32.self, count: n)
    let size = FullTextIndex.segmentSize
    let count = try r.count(max: n)
    guard count == (n + size - 1) / size else { throw r.failure("\(count) segments for \(n) articles") }
    var segments: [Segment] = []
    segments.reserveCapacity(count)
    for s in 0..<count {
      segments.append(try Segment(snapshot: &r, firstDoc: s * size, docCount: min(size, n - s * size), owner: owner))
    }
    try r.expectEnd()
    let read = segments
    if let (s, what) = Parallel.map(read.count, { read[$0].inconsistency() }).enumerated()
      .first(where: { $0.element != nil }).flatMap({ e in e.element.map { (e.offset, $0) } })
    {
      throw SnapshotError("corrupt snapshot: section \(Tag.text), segment \(s): \(what)")
    }
    return (segments, titleLength, documentLength, n)
  }
}

extension Segment {
  func encode(into w: inout SnapshotWriter) {
    w.count(firstDoc)
    w.count(docCount)
    w.column(terms)
    w.column(docStart)
    w.column(posStart)
    w.column(termDocs)
    w.column(denseStart)
    w.column(variantBits)
    w.column(docStream)
    w.column(posStream)
    w.column(dense)
    w.column(pairRows)
  }

  /// `init(snapshot:firstDoc:docCount:owner:)` reads a segment in place, its columns' lengths
  /// checked and the pair filter's rows all there (`inconsistency()` checks the rest).
  init(
    snapshot r: inout SnapshotReader, firstDoc: Int, docCount: Int, owner: AnyObject & Sendable
  ) throws(SnapshotError) {
    self.init(firstDoc: try r.count(), docCount: try r.count())
    guard self.firstDoc == firstDoc, self.docCount == docCount else { throw r.failure("a segment out of place") }
    terms = try r.column(UInt32.self, owner: owner)
    let t = terms.count
    docStart = try r.column(UInt32.self, count: t + 1, owner: owner)
    posStart = try r.column(UInt32.self, count: t + 1, owner: owner)
    termDocs = try r.column(UInt32.self, count: t, owner: owner)
    denseStart = try r.column(UInt32.self, count: t, owner: owner)
    variantBits = try r.column(UInt8.self, count: t, owner: owner)
    docStream = try r.column(UInt8.self, owner: owner)
    posStream = try r.column(UInt8.self, owner: owner)
    dense = try r.column(UInt16.self, owner: owner)
    pairRows = try r.column(UInt64.self, count: PairFilter.words(forDocs: docCount), owner: owner)
  }

  /// `inconsistency()` is what a search would trust but this segment breaks, nil when nothing:
  /// the per-term arrays agree, every term's offsets lie within its streams, dense offsets
  /// within its positions.
  func inconsistency() -> String? {
    // `finish()` leaves one byte (or offset) past the end of each stream.
    guard !docStream.isEmpty, !posStream.isEmpty, !dense.isEmpty,
      docStart.last.map({ Int($0) == docStream.count - 1 }) ?? false,
      posStart.last.map({ Int($0) == posStream.count - 1 }) ?? false
    else { return "a segment's streams do not end where its offsets say" }
    for i in 0..<terms.count {
      guard i == 0 || terms[i - 1] < terms[i], docStart[i] <= docStart[i + 1], posStart[i] <= posStart[i + 1],
        termDocs[i] <= UInt32(docCount)
      else { return "term \(i) of a segment is out of order" }
      // A variant is a position in its bare key's list, which a 32-bit number holds.
      guard variantBits[i] <= 32 else { return "term \(i) of a segment has \(variantBits[i]) bits of variant" }
      if denseStart[i] != Segment.sparse {
        let start = Int(denseStart[i])
        let length = Int(posStart[i + 1] - posStart[i])
        guard start <= dense.count - 1, docCount + 1 <= dense.count - 1 - start,
          dense[start..<(start + docCount + 1)].allSatisfy({ Int($0) <= length })
        else { return "a dense term's offsets outside its positions" }
      }
    }
    return nil
  }
}

extension Lexicon {
  /// The lexicon as a section: per bare id, its bare key and its toned variants in order.
  func encoded() -> [UInt8] {
    state.withLock { s in
      var bareKeys = [String](repeating: "", count: s.variants.count)
      for (key, id) in s.bareIDs { bareKeys[Int(id)] = key }
      var w = SnapshotWriter()
      w.count(s.variants.count)
      for (id, variants) in s.variants.enumerated() {
        w.string(bareKeys[id])
        w.count(variants.count)
        for v in variants { w.string(v) }
      }
      return w.bytes
    }
  }

  convenience init(snapshot bytes: UnsafeRawBufferPointer) throws(SnapshotError) {
    var r = SnapshotReader(bytes, section: ArticleStore.Tag.lexicon)
    var state = State()
    let count = try r.count()
    state.bareIDs.reserveCapacity(count)
    state.variants.reserveCapacity(count)
    for id in 0..<count {
      let bare = try r.string()
      guard state.bareIDs.updateValue(UInt32(id), forKey: bare) == nil else { throw r.failure("a syllable twice") }
      var variants: [String] = []
      for v in 0..<(try r.count()) {
        let toned = try r.string()
        guard state.tonedIDs.updateValue(Entry(bare: UInt32(id), variant: UInt32(v)), forKey: toned) == nil else {
          throw r.failure("a spelling twice")
        }
        variants.append(toned)
      }
      state.variants.append(variants)
    }
    try r.expectEnd()
    self.init(state: state)
  }
}

extension PieceTable {
  /// The piece table as a section: the arena, the offsets, and each piece's shape.
  func encoded() -> [UInt8] {
    var w = SnapshotWriter(capacity: arena.count + offsets.count * 13 + 32)
    w.integers(arena)
    w.integers(offsets)
    w.integers(shapes.map(\.wordBytes))
    w.integers(shapes.map(\.scalars))
    w.integers(shapes.map(\.flags))
    return w.bytes
  }

  init(snapshot bytes: UnsafeRawBufferPointer) throws(SnapshotError) {
    var r = SnapshotReader(bytes, section: ArticleStore.Tag.pieces)
    let arena = try r.integers(UInt8.self)
    let offsets = try r.integers(UInt32.self)
    guard offsets.first == 0, offsets.last.map({ Int($0) == arena.count }) ?? false,
      zip(offsets, offsets.dropFirst()).allSatisfy({ $0 <= $1 })
    else { throw r.failure("piece offsets outside the arena") }
    let pieces = offsets.count - 1
    let wordBytes = try r.integers(UInt32.self, count: pieces)
    let scalars = try r.integers(UInt32.self, count: pieces)
    let flags = try r.integers(UInt8.self, count: pieces)
    try r.expectEnd()
    var shapes: [PieceShape] = []
    shapes.reserveCapacity(pieces)
    for i in 0..<pieces {
      guard Int(wordBytes[i]) <= Int(offsets[i + 1] - offsets[i]) else { throw r.failure("a piece's shape longer than the piece") }
      shapes.append(PieceShape(wordBytes: wordBytes[i], scalars: scalars[i], flags: flags[i]))
    }
    self.init(arena: arena, offsets: offsets, shapes: shapes)
  }
}

extension PieceShape {
  init(wordBytes: UInt32, scalars: UInt32, flags: UInt8) {
    self.wordBytes = wordBytes
    self.scalars = scalars
    self.flags = flags
  }
}

/// `ArticleWriter` encodes articles' records with their texts as numbers in a string table.
struct ArticleWriter {
  var w = SnapshotWriter()
  private(set) var strings: [String] = []
  /// By bytes: a `String` key would hash its canonical form, which cost a quarter of writing a
  /// snapshot (two spellings of one text then get two numbers, and each reads back as written).
  private var numbers: [UTF8Key: Int] = [:]

  /// `number(_:)` is the number of `s` in the table, added when new.
  private mutating func number(_ s: String) -> Int {
    let key = UTF8Key(s)
    if let n = numbers[key] { return n }
    numbers[key] = strings.count
    strings.append(s)
    return strings.count - 1
  }

  mutating func string(_ s: String) { w.count(number(s)) }

  /// An optional text: 0 for none, else its number plus one.
  mutating func optionalString(_ s: String?) {
    guard let s else { return w.count(0) }
    w.count(number(s) + 1)
  }

  mutating func provenance(_ p: Provenance) {
    string(p.rule)
    w.optionalInt(p.line)
    string(p.excerpt)
  }

  mutating func encode(_ a: Article) {
    string(a.id)
    optionalString(a.title)
    w.bool(a.date != nil)
    if let d = a.date {
      w.i64(d.year)
      w.optionalInt(d.month)
      w.optionalInt(d.day)
    }
    optionalString(a.source)
    optionalString(a.author)
    optionalString(a.url)
    optionalString(a.origin)
    w.count(a.citations.count)
    for c in a.citations {
      optionalString(c.type)
      string(c.number)
      optionalString(c.issuer)
      w.optionalInt(c.year)
      w.bool(c.isPartial)
      provenance(c.provenance)
    }
    w.count(a.people.count)
    for p in a.people {
      string(p.name)
      optionalString(p.rank)
      w.count(p.positions.count)
      for pos in p.positions { string(pos) }
      provenance(p.provenance)
    }
    w.count(a.organizations.count)
    for o in a.organizations {
      string(o.name)
      optionalString(o.abbreviation)
      provenance(o.provenance)
    }
    // Sorted by field, so the same store always writes the same bytes.
    let fields = a.provenance.sorted { $0.key < $1.key }
    w.count(fields.count)
    for (field, p) in fields {
      string(field)
      provenance(p)
    }
  }
}

/// `ArticleReader` decodes what `ArticleWriter` wrote, every text number checked against the table.
struct ArticleReader {
  var r: SnapshotReader
  let strings: [String]

  mutating func string() throws(SnapshotError) -> String {
    let n = try r.count(max: strings.count - 1)
    return strings[n]
  }

  mutating func optionalString() throws(SnapshotError) -> String? {
    let n = try r.count(max: strings.count)
    return n == 0 ? nil : strings[n - 1]
  }

  mutating func provenance() throws(SnapshotError) -> Provenance {
    Provenance(rule: try string(), line: try r.optionalInt(), excerpt: try string())
  }

  /// `head()` reads a record's first fields: id, title, date, source and author.
  mutating func head() throws(SnapshotError) -> (
    id: String, title: String?, date: PartialDate?, source: String?, author: String?
  ) {
    let id = try string()
    let title = try optionalString()
    var date: PartialDate?
    if try r.bool() {
      let year = try r.i64()
      let month = try r.optionalInt()
      let day = try r.optionalInt()
      guard (1...9999).contains(year), month.map({ (1...12).contains($0) }) ?? true,
        day.map({ d in month.map { d >= 1 && d <= PartialDate.daysIn(month: $0, year: year) } ?? false }) ?? true
      else { throw r.failure("a date that is not in the calendar") }
      date = PartialDate(year: year, month: month, day: day)
    }
    return (id, title, date, try optionalString(), try optionalString())
  }

  mutating func article() throws(SnapshotError) -> Article {
    let (id, title, date, source, author) = try head()
    let url = try optionalString()
    let origin = try optionalString()
    var citations: [Citation] = []
    for _ in 0..<(try r.count()) {
      let type = try optionalString()
      let number = try string()
      let issuer = try optionalString()
      let year = try r.optionalInt()
      let partial = try r.bool()
      citations.append(
        Citation(type: type, number: number, issuer: issuer, year: year, isPartial: partial, provenance: try provenance()))
    }
    var people: [PersonMention] = []
    for _ in 0..<(try r.count()) {
      let name = try string()
      let rank = try optionalString()
      var positions: [String] = []
      for _ in 0..<(try r.count()) { positions.append(try string()) }
      people.append(PersonMention(name: name, rank: rank, positions: positions, provenance: try provenance()))
    }
    var organizations: [OrganizationMention] = []
    for _ in 0..<(try r.count()) {
      let name = try string()
      let abbreviation = try optionalString()
      organizations.append(OrganizationMention(name: name, abbreviation: abbreviation, provenance: try provenance()))
    }
    var fields: [String: Provenance] = [:]
    for _ in 0..<(try r.count()) {
      let field = try string()
      fields[field] = try provenance()
    }
    return Article(
      id: id, title: title, date: date, source: source, author: author, url: url, body: "", citations: citations,
      people: people, organizations: organizations, provenance: fields, origin: origin)
  }
}

/// `ArticleRecord` is one article's facts (everything but the body) as bytes, with their own
/// string table: how a database backend keeps an article exactly as the store holds it, so that
/// its rows answer as the in-memory rows do.
package enum ArticleRecord {
  /// `encode(_:)` writes the article's facts, the body left out.
  package static func encode(_ article: Article) -> [UInt8] {
    var writer = ArticleWriter()
    writer.encode(article)
    var out = SnapshotWriter()
    out.count(writer.strings.count)
    for s in writer.strings { out.string(s) }
    return out.bytes + writer.w.bytes
  }

  /// `decode(_:body:)` reads what `encode(_:)` wrote and gives the article its body back.
  package static func decode(_ bytes: [UInt8], body: String) throws(SnapshotError) -> Article {
    let result: Result<Article, SnapshotError> = bytes.withUnsafeBytes { raw in
      do throws(SnapshotError) {
        var r = SnapshotReader(raw, section: "article record")
        var strings: [String] = []
        for _ in 0..<(try r.count()) { strings.append(try r.string()) }
        var reader = ArticleReader(r: r, strings: strings)
        var article = try reader.article()
        try reader.r.expectEnd()
        article.body = body
        return .success(article)
      } catch {
        return .failure(error)
      }
    }
    return try result.get()
  }
}

extension SnapshotWriter {
  /// `citation(_:)` writes a citation with its strings inline: type *string?*, number, issuer
  /// *string?*, year optional int, partial flag, provenance.
  package mutating func citation(_ c: Citation) {
    optionalString(c.type)
    string(c.number)
    optionalString(c.issuer)
    optionalInt(c.year)
    bool(c.isPartial)
    provenance(c.provenance)
  }

  /// `provenance(_:)` writes a provenance with its strings inline: rule, optional line, excerpt.
  package mutating func provenance(_ p: Provenance) {
    string(p.rule)
    optionalInt(p.line)
    string(p.excerpt)
  }
}

extension SnapshotReader {
  /// `citation()` reads what `SnapshotWriter.citation(_:)` wrote.
  package mutating func citation() throws(SnapshotError) -> Citation {
    let type = try optionalString()
    let number = try string()
    let issuer = try optionalString()
    let year = try optionalInt()
    let partial = try bool()
    return Citation(type: type, number: number, issuer: issuer, year: year, isPartial: partial, provenance: try provenance())
  }

  /// `provenance()` reads what `SnapshotWriter.provenance(_:)` wrote.
  package mutating func provenance() throws(SnapshotError) -> Provenance {
    Provenance(rule: try string(), line: try optionalInt(), excerpt: try string())
  }
}
