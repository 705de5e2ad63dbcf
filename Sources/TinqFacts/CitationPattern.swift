import TinqText

/// `CitationPattern` is a legal-document number as a user writes it, taken apart so that loose
/// spellings match: `03/2019/NĐ-CP`, `3/2019/nd-cp`, `Nghị định số 03/2019/NĐ-CP` and `ND 03/2019`
/// all name the same decree. Leading zeros, case, `Đ`/`D` and the type words do not matter.
public struct CitationPattern: Sendable, Hashable {
  /// The document's number within its series, e.g. 3.
  public var number: Int
  /// The year in the number, when given.
  public var year: Int?
  /// The symbol's letter groups in order, folded (`ND`, `CP`; `NQ`, `TW`; `QH13`).
  public var codes: [String]
  /// The type code named by a type word or a leading code (`ND` for `Nghị định`), when given.
  public var typeCode: String?

  /// Type words and the codes they stand for, longest first.
  static let typeWords: [(words: [String], code: String)] = [
    (["thong", "tu", "lien", "tich"], "TTLT"),
    (["nghi", "dinh"], "ND"), (["nghi", "quyet"], "NQ"), (["quyet", "dinh"], "QD"), (["chi", "thi"], "CT"),
    (["thong", "tu"], "TT"), (["ket", "luan"], "KL"), (["cong", "dien"], "CD"), (["ke", "hoach"], "KH"),
    (["huong", "dan"], "HD"), (["quy", "dinh"], "QYD"), (["thong", "bao"], "TB"), (["chuong", "trinh"], "CTR"),
    (["de", "an"], "DA"), (["phuong", "an"], "PA"), (["bao", "cao"], "BC"), (["to", "trinh"], "TTR"),
    (["quy", "che"], "QC"), (["luat"], "LUAT"), (["phap", "lenh"], "PL"), (["van", "ban"], "VB"),
  ]

  /// The codes that, standing first before a number, name a type (`ND 03/2019`).
  static let typeCodes: Set<String> = Set(typeWords.map(\.code))

  /// `init(number:year:codes:typeCode:)` makes a pattern.
  public init(number: Int, year: Int? = nil, codes: [String] = [], typeCode: String? = nil) {
    self.number = number
    self.year = year
    self.codes = codes
    self.typeCode = typeCode
  }

  /// `parse(_:type:)` reads a number as written, optionally with the document's type in full
  /// (`Nghị định`); nil when the text has no document number at all.
  public static func parse(_ text: String, type: String? = nil) -> CitationPattern? {
    var words = Syllables.split(text).map { Fold.bareKey($0.unicodeScalars) }
    var typeCode: String? = nil
    if let type {
      let t = Syllables.split(type).map { Fold.bareKey($0.unicodeScalars) }
      typeCode = typeWords.first { $0.words == t }?.code
    }
    // A leading type word or type code.
    for entry in typeWords where words.starts(with: entry.words) {
      typeCode = typeCode ?? entry.code
      words.removeFirst(entry.words.count)
      break
    }
    if let first = words.first, first.first?.isLetter == true, typeCodes.contains(first.uppercased()),
      words.count > 1, words[1].first?.isNumber == true
    {
      typeCode = typeCode ?? first.uppercased()
      words.removeFirst()
    }
    if words.first == "so" { words.removeFirst() }
    guard let first = words.first, first.allSatisfy(\.isNumber), first.count <= 9, let number = Int(first) else {
      return nil
    }
    words.removeFirst()
    var year: Int? = nil
    if let y = words.first, y.count == 4, y.allSatisfy(\.isNumber), let yy = Int(y), (1900...2100).contains(yy) {
      year = yy
      words.removeFirst()
    }
    // Everything left is the symbol's letter groups; words such as "nam" (năm) are dropped.
    let codes = words.filter { w in w.first?.isLetter == true }.map { $0.uppercased() }
    if typeCode == nil, let c = codes.first, typeCodes.contains(c) { typeCode = c }
    return CitationPattern(number: number, year: year, codes: codes, typeCode: typeCode)
  }

  /// `matches(_:)` tells whether a document (the pattern of a citation found in an article) is one
  /// this pattern, as the user wrote it, can mean: the same number, and the same year, codes and
  /// type wherever the user gave them.
  public func matches(_ document: CitationPattern) -> Bool {
    guard number == document.number else { return false }
    if let year, year != document.year { return false }
    if let typeCode {
      let docType = document.typeCode ?? document.codes.first
      if let docType, docType != typeCode { return false }
    }
    // The user's codes must appear in the document's symbol, in order.
    var i = document.codes.startIndex
    for code in codes {
      guard let found = document.codes[i...].firstIndex(of: code) else { return false }
      i = document.codes.index(after: found)
    }
    return true
  }
}
