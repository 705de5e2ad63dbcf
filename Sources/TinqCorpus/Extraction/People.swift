import TinqText

/// `People` finds named persons: a rank then a name (`Thượng tướng Phan Văn Giang`), with the
/// positions written after it (`, Tổng tham mưu trưởng, Thứ trưởng Bộ Quốc phòng`), or a position
/// then a name (`Chánh Văn phòng Bộ Công an Nguyễn Danh Cộng`). Without a rank a name must start
/// with a common family name, so place names after a position are not taken for people.
enum People {
  static let rankNames = [
    "Đại tướng", "Thượng tướng", "Trung tướng", "Thiếu tướng", "Đại tá", "Thượng tá", "Trung tá", "Thiếu tá",
    "Đại úy", "Thượng úy", "Trung úy", "Thiếu úy", "Đại uý", "Thượng uý", "Trung uý", "Thiếu uý", "Đô đốc",
    "Phó Đô đốc", "Chuẩn Đô đốc", "Thượng sĩ", "Trung sĩ", "Hạ sĩ", "Binh nhất", "Binh nhì",
  ]
  /// Ranks, matched in any capitalisation; the payload is the rank as canonically written.
  static let ranks = PhraseTable<String>(rankNames.map { ($0, $0) })

  /// Position heads; an organisation may follow (`Thứ trưởng Bộ Công an`).
  static let positionHeads: PhraseTable<Bool> = {
    let heads = [
      "Ủy viên Trung ương Đảng", "Ủy viên Bộ Chính trị", "Ủy viên Ban Bí thư", "Ủy viên Thường vụ", "Ủy viên",
      "Bí thư", "Phó Bí thư", "Tổng Bí thư", "Bộ trưởng", "Thứ trưởng", "Tổng Tham mưu trưởng",
      "Phó Tổng Tham mưu trưởng", "Chủ nhiệm", "Phó Chủ nhiệm", "Tư lệnh", "Phó Tư lệnh", "Chính ủy", "Phó Chính ủy",
      "Tham mưu trưởng", "Phó Tham mưu trưởng", "Chỉ huy trưởng", "Phó Chỉ huy trưởng", "Cục trưởng",
      "Phó Cục trưởng", "Chánh Văn phòng", "Phó Chánh Văn phòng", "Giám đốc", "Phó Giám đốc", "Chủ tịch",
      "Phó Chủ tịch", "Chủ tịch nước", "Phó Chủ tịch nước", "Thủ tướng", "Phó Thủ tướng", "Trưởng ban",
      "Phó Trưởng ban", "Vụ trưởng", "Phó Vụ trưởng", "Viện trưởng", "Phó Viện trưởng", "Tổng cục trưởng",
      "Phó Tổng cục trưởng", "Chánh Thanh tra", "Người phát ngôn", "Trưởng phòng", "Phó Trưởng phòng",
      "Chỉ huy phó", "Đồn trưởng", "Chính trị viên", "Hiệu trưởng", "Giám đốc Công an tỉnh",
      "Phó Giám đốc Công an tỉnh", "Trưởng Công an", "Phó Trưởng Công an",
    ]
    var entries: [(String, Bool)] = []
    for h in heads {
      entries.append((h, true))
      if h.contains("ủy") { entries.append((h.replacingOccurrences(of: "ủy", with: "uỷ"), true)) }
      if h.contains("Ủy") { entries.append((h.replacingOccurrences(of: "Ủy", with: "Uỷ"), true)) }
    }
    return PhraseTable(entries)
  }()
  /// Short complements written straight after a head: `Thứ trưởng Quốc phòng`, `Thứ trưởng Công an`.
  static let complements = PhraseTable<Bool>(
    ["Quốc phòng", "Công an", "Ngoại giao", "Việt Nam", "Trung ương", "tỉnh", "thành phố"].map { ($0, true) })

  static let surnames: Set<UInt64> = Set(
    [
      "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương",
      "Lý", "Lương", "Đinh", "Trịnh", "Đoàn", "Lâm", "Mai", "Tô", "Trương", "Hà", "Cao", "Lưu", "Tạ", "Phùng",
      "Quách", "Thái", "Kiều", "Triệu", "La", "Châu", "Đào", "Đàm", "Lại", "Nông", "Hứa", "Chu", "Tăng", "Vương",
      "Lò", "Lữ", "Mạc", "Khúc", "Tống", "Thân", "Giang", "Doãn", "Âu", "Vi", "Quan", "Hầu", "Ninh", "Lục", "Bạch",
      "Diệp", "Đồng", "Từ", "Tôn", "Thạch", "Kim", "Văn", "Viên", "Lã", "Cù", "Đậu", "Khổng", "Ông", "Tiêu", "Vương",
      "Nghiêm", "Lạc", "Hàn", "Phó", "Trình", "Bế", "Hoàng",
    ].map { ScanText.wordHashes($0)[0] })
  static let academic: Set<UInt64> = Set(["PGS", "GS", "TS", "ThS", "CN", "KS", "BS", "TSKH"].map { ScanText.wordHashes($0)[0] })
  static let hVa = ScanText.wordHashes("và")[0]
  static let hCac = ScanText.wordHashes("các")[0]
  static let hDongChi = ScanText.wordHashes("đồng chí")

  /// `nameRun(_:from:)` reads two to five capitalised words joined by single spaces.
  static func nameRun(_ line: TextLine, from i: Int) -> (start: Int, end: Int)? {
    let w = line.words
    guard i < w.count, w[i].isCapitalized, !w[i].isNumber else { return nil }
    var end = i
    while end + 1 < w.count, end - i < 4, line.gapIsSpace(after: end), w[end + 1].isCapitalized,
      !w[end + 1].isNumber, !ranks.startsAny(w[end + 1].hash) || ranks.match(line, at: end + 1) == nil,
      // `Nguyễn Văn An Giám đốc ...`: a title or an organisation ends the name.
      positionHeads.match(line, at: end + 1) == nil, Organizations.match(line, at: end + 1) == nil
    {
      end += 1
    }
    guard end > i else { return nil }
    return (i, end)
  }

  /// `position(_:from:)` reads one position: a head, then organisations or a short complement,
  /// joined by spaces or ` - `. Returns the last word index.
  static func position(_ line: TextLine, from i: Int) -> Int? {
    guard let (count, _) = positionHeads.match(line, at: i) else { return nil }
    var end = i + count - 1
    var steps = 0
    while end + 1 < line.words.count, steps < 12 {
      steps += 1
      let gap = line.gap(after: end)
      let spaced = gap.allSatisfy { $0 == 0x20 } && gap.count == 1
      let dashed = Array(gap) == [0x20, 0x2D, 0x20]
      guard spaced || dashed else { break }
      if let (c, _) = Organizations.match(line, at: end + 1) {
        end += c
        continue
      }
      if spaced, let (c, _) = complements.match(line, at: end + 1) {
        end += c
        continue
      }
      break
    }
    return end
  }

  /// `extract(_:skipping:)` returns the people of the kept lines, one entry per name.
  static func extract(_ lines: [TextLine], skipping reporterLines: Set<Int>) -> [PersonMention] {
    var order: [String] = []
    var byName: [UTF8Key: PersonMention] = [:]
    func add(_ name: String, rank: String?, positions: [String], provenance: Provenance) {
      let key = UTF8Key(name)
      if var existing = byName[key] {
        if existing.rank == nil { existing.rank = rank }
        for p in positions where !existing.positions.contains(where: { $0.lowercased() == p.lowercased() }) {
          existing.positions.append(p)
        }
        byName[key] = existing
      } else {
        order.append(name)
        byName[key] = PersonMention(name: name, rank: rank, positions: positions, provenance: provenance)
      }
    }
    // Hoisted: each static read is a lazy-initialisation check, and this loop runs per word.
    let hCac = Self.hCac
    let hDongChi = Self.hDongChi
    let ranks = Self.ranks
    let academic = Self.academic
    let surnames = Self.surnames
    for line in lines where !reporterLines.contains(line.number) {
      let w = line.words
      // A photo credit at the end of a caption names a photographer.
      let limit = Bylines.creditStart(line) ?? w.count
      // `Các đồng chí Ủy viên Trung ương Đảng: Thượng tướng A, ...; Thượng tướng B, ...`
      var shared: (position: String, from: Int, until: Int)? = nil
      var i = 0
      while i < limit {
        if w[i].hash == hCac, i + 2 < limit, w[i + 1].hash == hDongChi[0], w[i + 2].hash == hDongChi[1],
          let end = position(line, from: i + 3), end + 1 < w.count, line.gap(after: end).first == 0x3A
        {
          // Bounded, so a huge line without periods stays linear.
          let horizon = min(w.count, end + 300)
          let sentenceEnd = (end + 1..<horizon).first { line.gap(after: $0).contains(0x2E) } ?? horizon
          shared = (line.excerpt(i + 3, end), end + 1, sentenceEnd)
          i = end + 1
          continue
        }
        var rank: String? = nil
        var k = i
        if let (count, r) = ranks.match(line, at: i) {
          rank = r
          k = i + count
          // Academic titles may sit between rank and name: `Thiếu tướng, PGS.TS Nguyễn ...`.
          while k < w.count, academic.contains(w[k].hash) { k += 1 }
          if let name = nameRun(line, from: k) {
            var positions: [String] = []
            if let s = shared, name.start >= s.from, name.start <= s.until { positions.append(s.position) }
            var cursor = name.end
            while cursor + 1 < w.count, line.gap(after: cursor).elementsEqual([0x2C, 0x20]),
              let end = position(line, from: cursor + 1)
            {
              positions.append(line.excerpt(cursor + 1, end))
              cursor = end
            }
            let rankText = line.excerpt(i, i + count - 1)
            add(
              line.excerpt(name.start, name.end), rank: rank, positions: positions,
              provenance: Provenance(rule: "rank " + rankText, line: line.number, excerpt: line.excerpt(i, cursor)))
            i = cursor + 1
            continue
          }
          i = k
          continue
        }
        // A position then a name: `Chánh Văn phòng Bộ Công an Nguyễn Danh Cộng`.
        // Several may precede it: `Ủy viên Bộ Chính trị, Bộ trưởng Ngoại giao Lê Hoài Trung`.
        if w[i].isCapitalized, let firstEnd = position(line, from: i) {
          var spans = [(i, firstEnd)]
          var end = firstEnd
          while spans.count < 6, end + 1 < limit, line.gap(after: end).elementsEqual([0x2C, 0x20]),
            let next = position(line, from: end + 1)
          {
            spans.append((end + 1, next))
            end = next
          }
          if end + 1 < limit, line.gapIsSpace(after: end), surnames.contains(w[end + 1].hash),
            let name = nameRun(line, from: end + 1), name.end < limit
          {
            add(
              line.excerpt(name.start, name.end), rank: nil, positions: spans.map { line.excerpt($0.0, $0.1) },
              provenance: Provenance(rule: "position", line: line.number, excerpt: line.excerpt(i, name.end)))
            i = name.end + 1
            continue
          }
        }
        // `đồng chí Nguyễn Văn A`
        if w[i].hash == hDongChi[0], i + 1 < limit, w[i + 1].hash == hDongChi[1], i + 2 < limit,
          surnames.contains(w[i + 2].hash), let name = nameRun(line, from: i + 2), name.end < limit
        {
          add(
            line.excerpt(name.start, name.end), rank: nil, positions: [],
            provenance: Provenance(rule: "đồng chí", line: line.number, excerpt: line.excerpt(i, name.end)))
          i = name.end + 1
          continue
        }
        i += 1
      }
    }
    return order.compactMap { byName[UTF8Key($0)] }
  }
}
