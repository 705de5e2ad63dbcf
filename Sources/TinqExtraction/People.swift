import TinqText
import TinqFacts
import TinqSupport

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
      "Chỉ huy phó", "Đồn trưởng", "Chính trị viên", "Hiệu trưởng", "Giám đốc Công an tỉnh", "Tổng biên tập",
      "Phó Giám đốc Công an tỉnh", "Trưởng Công an", "Phó Trưởng Công an",
    ]
    var entries: [(String, Bool)] = []
    // Every head has its deputy: `Phó Hiệu trưởng`, `Phó Trưởng Công an`.
    let all = heads + heads.filter { !$0.hasPrefix("Phó ") }.map { "Phó " + $0 }
    for h in all {
      entries.append((h, true))
      if h.contains("ủy") { entries.append((h.replacingOccurrences(of: "ủy", with: "uỷ"), true)) }
      if h.contains("Ủy") { entries.append((h.replacingOccurrences(of: "Ủy", with: "Uỷ"), true)) }
    }
    return PhraseTable(entries)
  }()
  /// Short complements written straight after a head: `Thứ trưởng Quốc phòng`, `Thứ trưởng Công an`.
  static let complements = PhraseTable<Bool>(
    ["Quốc phòng", "Công an", "Ngoại giao", "Việt Nam", "Trung ương", "tỉnh", "thành phố"].map { ($0, true) })

  static let surnames = WordSet(surnameNames)
  static let surnameNames =
    [
      "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương",
      "Lý", "Lương", "Đinh", "Trịnh", "Đoàn", "Lâm", "Mai", "Tô", "Trương", "Hà", "Cao", "Lưu", "Tạ", "Phùng",
      "Quách", "Thái", "Kiều", "Triệu", "La", "Châu", "Đào", "Đàm", "Lại", "Nông", "Hứa", "Chu", "Tăng", "Vương",
      "Lò", "Lữ", "Mạc", "Khúc", "Tống", "Thân", "Giang", "Doãn", "Âu", "Vi", "Quan", "Hầu", "Ninh", "Lục", "Bạch",
      "Diệp", "Đồng", "Từ", "Tôn", "Thạch", "Kim", "Văn", "Viên", "Lã", "Cù", "Đậu", "Khổng", "Ông", "Tiêu", "Vương",
      "Nghiêm", "Lạc", "Hàn", "Phó", "Trình", "Bế", "Hoàng", "Ngụy", "Tập", "Ôn", "Khương", "Nhan", "Phí", "Bành",
      "Tưởng", "Tiết", "Kha", "Thôi", "Giả", "Mẫn", "Ma", "Sầm", "Lò", "Quàng", "Hà", "Giàng", "Thào", "Sùng",
      "Vàng", "Mùa", "Cầm", "Điểu", "Y", "Ksor", "Siu", "Rơ",
    ]
  static let academic = WordSet(["PGS", "GS", "TS", "ThS", "CN", "KS", "BS", "TSKH"])
  static let hVa = ScanText.wordHashes("và")[0]
  static let hOng = ScanText.wordHashes("ông")[0]
  static let hBa = ScanText.wordHashes("bà")[0]
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

  /// `matches(_:at:_:)` tells whether the words from `i` have the given hashes.
  static func matches(_ line: TextLine, at i: Int, _ hashes: [UInt64]) -> Bool {
    guard i + hashes.count <= line.words.count else { return false }
    return hashes.indices.allSatisfy { line.words[i + $0].hash == hashes[$0] }
  }

  /// `cuedName(_:from:kind:limit:)` reads the name after a cue: a Vietnamese name from a family
  /// name, or any run of name-like words (`Barack Obama`, `Tập Cận Bình`), after a country for a
  /// title. A given name alone (`anh Tùng`) only after a kinship word or a role.
  static func cuedName(_ line: TextLine, from start: Int, kind: Names.CueKind, limit: Int) -> (Int, Int)? {
    let w = line.words
    var k = start
    // Academic titles may follow: `luật sư, TS Nguyễn Văn A`, `GS.TS Nguyễn ...`.
    while k < limit, academic.contains(w[k].hash), k - start < 3 { k += 1 }
    guard k < limit, w[k].isCapitalized, !w[k].isNumber else { return nil }
    // A country may stand before the name: `Tổng thống Mỹ Barack Obama`, `nhà báo Italy Maurizio`;
    // or a body named like one: `người phát ngôn Lầu Năm Góc George Little`, `HLV Man Utd David Moyes`.
    if let n = Gazetteer.match(line, at: k) ?? Names.notPeople.match(line, at: k)?.count {
      guard k + n < limit, line.gapIsSpace(after: k + n - 1), w[k + n].isCapitalized else { return nil }
      k += n
    }
    // A Vietnamese name is written without hyphens; a hyphen after one starts something else
    // (`Văn Đức Mười-Tổng Giám đốc`).
    // `Mai-cơn Xin-đe-le-gơ`: a family name's word joined by a hyphen is a transliteration.
    let vietnamese = surnames.contains(w[k].hash) && !(k + 1 < limit && line.gap(after: k).elementsEqual([0x2D]))
    // `ông Phó Chủ tịch`, `anh Đoàn Thanh niên`: a title or a body, not a name.
    guard !Names.institutionHeads.contains(w[k].hash), Organizations.match(line, at: k) == nil,
      positionHeads.match(line, at: k) == nil, OrganizationNames.heads.match(line, at: k) == nil,
      let end = Names.run(line, from: k, limit: limit, maxWords: 5, hyphens: !vietnamese)
    else { return nil }
    let n = (k...end).filter { $0 == k || !line.gap(after: $0 - 1).elementsEqual([0x2D]) }.count
    if n == 1, kind == .title, end == k, PersonRules.singleAfterTitle(line, titleEnd: start - 1, word: k) {
      return (k, end)
    } else if n == 1 {
      // A given name alone only after a kinship word, and never an initial (`chị H.`, `ông Th.`).
      guard kind == .kin, end == k, !Names.notGivenNames.contains(w[k].hash), !Names.isAllCaps(line, k),
        !Names.isInitial(line, k),
        Names.isTitleCase(line, k), Names.hasVowel(line, k), positionHeads.match(line, at: k) == nil
      else { return nil }
    } else if Gazetteer.match(line, at: k) == end - k + 1 {
      return nil
    }
    // A byline glued to the end of the text: `...trong học tập.Anh Dũng`.
    if end == w.count - 1, Names.isGluedStart(line, start - 1 >= 0 ? start - 1 : 0) || Names.isGluedStart(line, k) {
      return nil
    }
    if kind != .kin, !vietnamese {
      // `Tổng giám đốc Samsung Vina`, `Chủ tịch HĐQT Saigon Co`: a firm, its form's word closing it.
      if PersonRules.firmEnds.contains(w[end].hash) { return nil }
      // `Tổng giám đốc Vicostone Phạm Trí Dũng`: a firm in plain letters, then the person's
      // Vietnamese name (not `Chum-ma-ly`, `Cưu Ma La Thập`, one name).
      if let j = (k + 1...max(k + 1, end)).first(where: { $0 <= end && surnames.contains(w[$0].hash) }), end - j >= 2,
        line.gapIsSpace(after: j - 1),
        (k..<j).allSatisfy(line.isPlainLetters)
      {
        return (j, end)
      }
    }
    return (k, end)
  }

  /// `bareName(_:at:limit:)` reads a Vietnamese name with no cue before it: a family name and two
  /// or more words written as names, or one more word and an age after it. Never a listed place,
  /// never after a word that makes it a street, school, prize or company, never a byline glued to
  /// the end of a line.
  static func bareName(_ line: TextLine, at i: Int, limit: Int) -> (Int, Int, sure: Bool)? {
    let w = line.words
    guard Names.isTitleCase(line, i) else { return nil }
    // `Ông`, `Bà` opening a sentence are the courtesy words, not the family names.
    if i + 1 < w.count, w[i].hash == hOng || w[i].hash == hBa, surnames.contains(w[i + 1].hash) { return nil }
    // `Phó Trưởng Đoàn`, `Phó Giám Đốc`: a deputy's title in capitals, not the family name `Phó`.
    if i + 1 < w.count, w[i].hash == PersonRules.hPho, PersonRules.deputyTitles.contains(w[i + 1].hash) { return nil }
    if Gazetteer.match(line, at: i) != nil { return nil }
    guard var end = Names.run(line, from: i, limit: limit, maxWords: 4, hyphens: false) else { return nil }
    // An age after a name makes it a person whatever stands before it: no place has an age.
    let aged = Names.hasAgeAfter(line, end)
    if i > 0, !aged {
      let before = w[i - 1]
      // `số 25 Trần Hưng Đạo` is an address; `19.5.2012, Nguyễn Văn Đức` is not.
      if (Names.introduces(line, i - 1) && !PersonRules.isHomeOf(line, i, limit: limit))
        || (before.isNumber && line.gapIsSpace(after: i - 1))
      {
        return nil
      }
      // Inside a longer proper name (`Bệnh viện Bạch Mai`), unless an organisation's abbreviation
      // or a place ends right before it: `Thứ trưởng Bộ GDĐT Nguyễn Vinh Hiển`, `Bí thư Thành ủy Hà
      // Nội Phạm Quang Nghị`.
      if before.isCapitalized, line.gapIsSpace(after: i - 1), !Dates.isSentenceStart(line, i),
        !Names.isAllCaps(line, i - 1), !placeEnds(line, before: i)
      {
        return nil
      }
      // `trường PTDL Lê Văn Hưu`: a school's abbreviation after `trường` names a school.
      if i >= 2, Names.isAllCaps(line, i - 1), line.gapIsSpace(after: i - 1), line.gapIsSpace(after: i - 2),
        w[i - 2].hash == Names.hTruong, !Names.isGivenTruong(line, i - 2) || !w[i - 2].isCapitalized
      {
        return nil
      }
    }
    // A title or a body is no name: `Phó Chủ tịch`, `Đoàn Thanh niên`.
    if positionHeads.match(line, at: i) != nil || OrganizationNames.heads.match(line, at: i) != nil { return nil }
    // A place inside the run ends the name: `Hoàng Anh Gia Lai`; so does a word no Vietnamese
    // syllable is shaped like (`La Liga`, `Lâm Gia Khang Maya`).
    var j = i + 1
    while j <= end {
      if let n = Gazetteer.match(line, at: j), n >= 2 {
        end = j - 1
        break
      }
      if !Names.hasOneVowelRun(line, j) {
        end = j - 1
        break
      }
      j += 1
    }
    let n = end - i + 1
    guard n >= 2 else { return nil }
    // A byline glued to the last sentence: `...ở Bình Dương.Nguyễn Văn Tuấn` ending the line, or
    // followed by its outlet or role in parentheses (`./.Hà Huy Hiệp (Vietnam+)`).
    if Names.isGluedStart(line, i), Names.endsLine(line, after: end) { return nil }
    return (i, end, n >= 3 || aged)
  }

  /// `institutionEnd(_:from:limit:)` returns the last word of the proper name of a place or an
  /// institution that starts at word `i`: capitalised words, ending after an abbreviation (`Bộ
  /// LĐTBXH`) or a listed place (`quận Ba Đình`), where a person's name may follow.
  static func institutionEnd(_ line: TextLine, from i: Int, limit: Int) -> Int {
    let w = line.words
    var k = i
    while true {
      if let n = Gazetteer.match(line, at: k), k + n - 1 < limit { return k + n - 1 }
      if Names.isAllCaps(line, k) { return k }
      guard k + 1 < limit, line.gapIsSpace(after: k), w[k + 1].isCapitalized else { return k }
      k += 1
    }
  }

  /// `placeEnds(_:before:)` tells whether a listed place ends right before word `i`.
  static func placeEnds(_ line: TextLine, before i: Int) -> Bool {
    for back in 1...3 where i - back >= 0 {
      if let n = Gazetteer.match(line, at: i - back), n == back { return true }
    }
    return false
  }

  /// `foreignName(_:at:limit:)` reads a foreign name that a common given name opens (`Alex
  /// Ferguson`, `Bashar al-Assad`): the given name and one to three capitalised words after it.
  static func foreignName(_ line: TextLine, at i: Int, limit: Int) -> (Int, Int)? {
    let w = line.words
    guard Names.foreignGivenNames.contains(w[i].hash), Names.isTitleCase(line, i), i + 1 < limit,
      !(i > 0 && line.gapIsSpace(after: i - 1) && Names.introduces(line, i - 1)), Gazetteer.match(line, at: i) == nil,
      // `USS Donald Cook` is a ship: a capitalised word before the given name starts something else;
      // but a word that opens the sentence is none of it (`Khi Peter Lindqvist ...`).
      !(i > 0 && w[i - 1].isCapitalized && line.gapIsSpace(after: i - 1) && !Dates.isSentenceStart(line, i)
        && !placeEnds(line, before: i)
        && !(PersonRules.openers.contains(w[i - 1].hash) && Dates.isSentenceStart(line, i - 1))),
      var end = Names.run(line, from: i, limit: limit, maxWords: 4), end > i,
      !Names.institutionHeads.contains(w[i + 1].hash), Gazetteer.match(line, at: i + 1) == nil
    else { return nil }
    // A place of two words or more inside the run ends the name: `Taylor Brenner Việt Nam` (a nickname).
    for j in (i + 2)...max(i + 2, end) where j <= end {
      if let n = Gazetteer.match(line, at: j), n >= 2 {
        end = j - 1
        break
      }
    }
    if end == w.count - 1, Names.isGluedStart(line, i) { return nil }
    // `Louis Vuitton Classic`, `Jacob Creek Open`: an event, a club or a firm.
    if (i...end).contains(where: { PersonRules.notPersonWords.contains(w[$0].hash) }) { return nil }
    // `Anne K.Whitfield`: an initial glued to the rest of the name; unknown where it ends.
    if Names.isInitial(line, end), end + 1 < w.count, line.gap(after: end).elementsEqual([0x2E]) { return nil }
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

  /// `merge(_:into:)` adds one batch's people to those of the batches before it: one entry per
  /// name, the first mention's, with a rank it lacked and the positions it did not have.
  static func merge(_ batch: [PersonMention], into people: inout [PersonMention]) {
    if people.isEmpty {
      people = batch
      return
    }
    var index: [UTF8Key: Int] = [:]
    for (k, p) in people.enumerated() { index[UTF8Key(p.name)] = k }
    for mention in batch {
      guard let k = index[UTF8Key(mention.name)] else {
        index[UTF8Key(mention.name)] = people.count
        people.append(mention)
        continue
      }
      if people[k].rank == nil { people[k].rank = mention.rank }
      for p in mention.positions where !people[k].positions.contains(where: { $0.lowercased() == p.lowercased() }) {
        people[k].positions.append(p)
      }
    }
  }

  /// `extract(_:skipping:)` returns the people of the kept lines, one entry per name.
  static func extract(_ lines: [TextLine], skipping reporterLines: Set<Int>) -> [PersonMention] {
    var candidates: [PersonMention] = []
    return extract(lines, skipping: reporterLines, candidates: &candidates)
  }

  /// `extract(_:skipping:candidates:)` is `extract(_:skipping:)`, and gathers in `candidates` the
  /// two-word names it could not accept on this article's evidence alone.
  static func extract(_ lines: [TextLine], skipping reporterLines: Set<Int>, candidates: inout [PersonMention])
    -> [PersonMention]
  {
    // The people in the order first named, and where each name stands among them.
    var mentions: [PersonMention] = []
    var byName: [UTF8Key: Int] = [:]
    // Names this article gives a street, a school or a place (`đường Nguyễn Trãi`): the same
    // words standing bare elsewhere in it are that place, whatever the corpus knows.
    var placeSpans: [(line: Int, start: Int, end: Int)] = []
    var loneSeen: Set<UTF8Key> = []
    let candidatesBefore = candidates.count
    var placeNames: Set<UTF8Key> = []
    // Whether a bare name (rule `name`) was added: only those give way to the article's places.
    var bareNamed = false
    // Bare names written with an age after them somewhere (`Châu Thị Kim Phụng (24 tuổi`): no
    // place has an age, so they stay people though the article writes them after `tập` or `nhà`.
    var aged: Set<UTF8Key> = []
    defer {
      if !placeNames.isEmpty, candidates.count > candidatesBefore {
        let kept = candidates[candidatesBefore...].filter { !placeNames.contains(UTF8Key($0.name)) }
        candidates.removeSubrange(candidatesBefore...)
        candidates.append(contentsOf: kept)
      }
    }
    // The provenance is made only for a name not seen before: most mentions repeat one.
    func add(_ name: String, rank: String?, positions: [String], provenance: @autoclosure () -> Provenance) {
      let key = UTF8Key(name)
      if Names.notPeopleNames.contains(key) { return }
      // A name seen before is updated in place: no copy out of the table, no second hashing.
      if let index = byName[key] {
        if mentions[index].rank == nil, rank != nil { mentions[index].rank = rank }
        for p in positions {
          let lowered = p.lowercased()
          if !mentions[index].positions.contains(where: { $0 == p || $0.lowercased() == lowered }) {
            mentions[index].positions.append(p)
          }
        }
      } else {
        byName[key] = mentions.count
        mentions.append(PersonMention(name: name, rank: rank, positions: positions, provenance: provenance()))
      }
    }
    // `ông A, B và C`: the names listed after a person's name are people too; and, for a name
    // no word announced (`start`), those listed before it in the same list: `A, B, C và D`.
    func follow(_ line: TextLine, _ end: Int, limit: Int, start: Int? = nil) -> Int {
      let (items, last) = PersonRules.listFollowers(line, after: end, limit: limit)
      if let start, !items.isEmpty {
        for (s, e) in PersonRules.commaLeaders(line, before: start) {
          add(
            line.excerpt(s, e), rank: nil, positions: [],
            provenance: Provenance(rule: "list", line: line.number, excerpt: line.excerpt(s, end)))
        }
      }
      for (s, e) in items {
        add(
          line.excerpt(s, e), rank: nil, positions: [],
          provenance: Provenance(rule: "list", line: line.number, excerpt: line.excerpt(end, e)))
      }
      return last + 1
    }
    // Hoisted: each static read is a lazy-initialisation check, and this loop runs per word.
    let hCac = Self.hCac
    let hDongChi = Self.hDongChi
    let ranks = Self.ranks
    let academic = Self.academic
    let surnames = Self.surnames
    let cues = Names.cues
    let hAnh = Bylines.hAnh
    let foreignGivenNames = Names.foreignGivenNames
    let countries = PersonRules.countries
    let specifiedRoles = PersonRules.specifiedRoles
    let hHo = Names.hoChiMinh[0]
    for (lineIndex, line) in lines.enumerated() where !reporterLines.contains(line.number) {
      let w = line.words
      // A photo credit at the end of a caption names a photographer.
      let limit = Bylines.creditStart(line) ?? w.count
      // `Các đồng chí Ủy viên Trung ương Đảng: Thượng tướng A, ...; Thượng tướng B, ...`
      var shared: (position: String, from: Int, until: Int)? = nil
      var i = 0
      // The word after a credit in brackets glued to the text (`(Ảnh: TTXVN)Ông ...`).
      var creditEnd = -1
      // The next capitalised word after `i`, kept as `i` moves: a cue needs one within its reach.
      var nextCapital = 0
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
        // The table's filter first: the call costs more than the test, and most words start no rank.
        if ranks.startsAny(w[i].hash), let (count, r) = ranks.match(line, at: i) {
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
            i = cursor == name.end ? follow(line, name.end, limit: limit) : cursor + 1
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
          let positions = spans.map { line.excerpt($0.0, $0.1) }
          // `Chủ tịch Hồ Chí Minh` is the person; `TP Hồ Chí Minh` the city.
          if end + 3 < limit, spans.count == 1, line.gapIsSpace(after: end), matches(line, at: i, Names.hChuTich),
            end == i + 1, matches(line, at: end + 1, Names.hoChiMinh)
          {
            add(
              line.excerpt(end + 1, end + 3), rank: nil, positions: positions,
              provenance: Provenance(rule: "position", line: line.number, excerpt: line.excerpt(i, end + 3)))
            i = end + 4
            continue
          }
          // A country or province may stand between the title and the name: `Thủ tướng Thái Lan
          // Yingluck Shinawatra`, `Chủ tịch UBND TP Hà Nội Nguyễn Thế Thảo`. A place alone ends it:
          // `Giám đốc Công an Hà Nội` names no one.
          var k = end + 1
          // A body's abbreviation may stand there too: `Chủ tịch HTKQ Dario Velten`, `Bộ trưởng
          // GTVT Đinh Văn A`; not a head a body's own name follows (`Giám đốc BV Bạch Mai`).
          var afterAbbreviation = false
          if k + 1 < limit, line.gapIsSpace(after: end), Names.isAllCaps(line, k), !w[k].isNumber, line.gapIsSpace(after: k),
            Names.isTitleCase(line, k + 1), Gazetteer.match(line, at: k) == nil, Gazetteer.match(line, at: k + 1) == nil,
            OrganizationNames.levels.match(line, at: k + 1) == nil,
            !(OrganizationNames.orgHeads.match(line, at: k)?.payload.namedAfterPeople ?? false)
          {
            k += 1
            afterAbbreviation = true
          }
          // After an abbreviation the name is all the run, plain words written as names, and three
          // words or more when Vietnamese, two or more than a listed given name opens when foreign:
          // `Giám đốc NXB Hoa Mai` names the publisher, `Chủ tịch HĐQT Minhbank Lê ...` a bank.
          func wholeRun(_ s: Int, _ e: Int, vietnamese: Bool) -> Bool {
            guard afterAbbreviation else { return true }
            if vietnamese ? e - s < 2 : e - s < 1 || (e - s > 1 && !foreignGivenNames.contains(w[s].hash)) { return false }
            for j in s...e {
              guard Names.isTitleCase(line, j), !Names.isInitial(line, j), !w[j].isNumber,
                line.bytes[w[j].start..<w[j].end].allSatisfy({ $0 < 0x30 || $0 > 0x39 })
              else { return false }
              if j > s, !vietnamese, surnames.contains(w[j].hash) { return false }
            }
            return !(e + 1 < w.count && line.gapIsSpace(after: e) && w[e + 1].isCapitalized)
          }
          if k < limit, line.gapIsSpace(after: k - 1), w[k].isCapitalized, let n = Gazetteer.match(line, at: k) {
            guard k + n < limit, line.gapIsSpace(after: k + n - 1), w[k + n].isCapitalized else {
              i = k + n
              continue
            }
            k += n
          }
          if k < limit, line.gapIsSpace(after: k - 1), surnames.contains(w[k].hash),
            let name = nameRun(line, from: k), name.end < limit, Gazetteer.match(line, at: k) != name.end - k + 1,
            wholeRun(name.start, name.end, vietnamese: true)
          {
            add(
              line.excerpt(name.start, name.end), rank: nil, positions: positions,
              provenance: Provenance(rule: "position", line: line.number, excerpt: line.excerpt(i, name.end)))
            i = follow(line, name.end, limit: limit)
            continue
          }
          // `Giám Đốc Điều Hành`: a title written in capitals goes on with its field, no name.
          if k < limit, line.gapIsSpace(after: k - 1), let last = spans.last, PersonRules.isTitle(line, at: last.0),
            PersonRules.titleTails.match(line, at: k) == nil,
            let (start, stop) = cuedName(line, from: k, kind: .title, limit: limit), wholeRun(start, stop, vietnamese: false)
          {
            add(
              line.excerpt(start, stop), rank: nil, positions: positions,
              provenance: Provenance(rule: "position", line: line.number, excerpt: line.excerpt(i, stop)))
            i = follow(line, stop, limit: limit)
            continue
          }
        }
        // `tư tưởng Hồ Chí Minh`, `tấm gương đạo đức Hồ Chí Minh`: the person, not the city.
        if w[i].hash == hHo, i >= 2, i + 2 < limit, matches(line, at: i, Names.hoChiMinh),
          PersonRules.namesHoChiMinh(line, before: i), !(i + 3 < w.count && line.gapIsSpace(after: i + 2) && w[i + 3].isCapitalized)
        {
          add(
            line.excerpt(i, i + 2), rank: nil, positions: [],
            provenance: Provenance(rule: "tư tưởng Hồ Chí Minh", line: line.number, excerpt: line.excerpt(i - 2, i + 2)))
          i += 3
          continue
        }
        // A photo credit inside a line whose breaks were lost: `Ảnh: XLTheo lời khai`.
        if w[i].hash == hAnh, w[i].isCapitalized, line.gap(after: i).contains(0x3A) {
          var k = i + 1
          while k < limit, k - i <= 4, w[k].isCapitalized, !w[k].isNumber, line.gap(after: k - 1).count <= 2 {
            // `Ảnh: APNghi phạm ...`: a word glued to the credit opens the next sentence.
            if k > i + 1, line.gap(after: k - 1).isEmpty {
              creditEnd = k
              break
            }
            k += 1
            // `(Ảnh: TTXVN)Ông Phạm ...`: the bracket closes the credit; a sentence starts after it.
            if line.gap(after: k - 1).first == 0x29 {
              creditEnd = k
              break
            }
          }
          // `Ảnh: M.TAnh Nguyễn Văn Bảy nói`: the photographer's initials glued to the kinship word
          // that opens the next sentence; the full name after it is a person's.
          if let j = (i + 1..<k).first(where: { PersonRules.endsWithGluedKin(line, $0) }), j + 1 < limit,
            line.gapIsSpace(after: j), let (start, end) = cuedName(line, from: j + 1, kind: .kin, limit: limit), end > start
          {
            add(
              line.excerpt(start, end), rank: nil, positions: [],
              provenance: Provenance(rule: "person cue after credit", line: line.number, excerpt: line.excerpt(j, end)))
            i = follow(line, end, limit: limit)
            continue
          }
          i = k
          continue
        }
        // A word that announces a person: `ông Nguyễn Văn A`, `nghi phạm Tùng`, `HLV Alex Ferguson`.
        // A capitalised word must follow within the cue's reach; most words are followed by none,
        // and are passed over without a look in the table.
        if nextCapital <= i {
          nextCapital = i + 1
          while nextCapital < limit, !w[nextCapital].isCapitalized { nextCapital += 1 }
        }
        if nextCapital <= i + 3, let (count, kind) = cues.match(line, at: i), i + count < limit, line.gapIsSpace(after: i + count - 1),
          kind != .kin || !w[i].isCapitalized || Dates.isSentenceStart(line, i) || i == creditEnd
            || PersonRules.capitalCourtesy(line, i, limit: limit),
          !PersonRules.cueNamesNoOne(line, i),
          // `TP.Bà Rịa`, `huyện Cô Tô`: a courtesy word that opens a listed place is the place's.
          kind != .kin || !w[i].isCapitalized || (Gazetteer.match(line, at: i) ?? 0) < 2,
          let (start, end) = cuedName(line, from: i + count, kind: kind, limit: limit)
        {
          add(
            line.excerpt(start, end), rank: nil, positions: [],
            provenance: Provenance(rule: "person cue", line: line.number, excerpt: line.excerpt(i, end)))
          for (s, e) in PersonRules.listLeaders(line, before: i) {
            add(
              line.excerpt(s, e), rank: nil, positions: [],
              provenance: Provenance(rule: "list", line: line.number, excerpt: line.excerpt(s, end)))
          }
          i = follow(line, end, limit: limit)
          continue
        }
        // A role, a few small words about it, then a foreign name: `chuyên gia phân tích chính trị
        // Stefan Ionescu`.
        if specifiedRoles.startsAny(w[i].hash), nextCapital <= i + 7, !w[i].isCapitalized || Dates.isSentenceStart(line, i),
          let (count, _) = specifiedRoles.match(line, at: i), i + count < limit,
          line.gapIsSpace(after: i + count - 1), let (start, end) = PersonRules.afterSpecifiedRole(line, from: i + count, limit: limit)
        {
          add(
            line.excerpt(start, end), rank: nil, positions: [],
            provenance: Provenance(rule: "role and words", line: line.number, excerpt: line.excerpt(i, end)))
          i = follow(line, end, limit: limit)
          continue
        }
        // A list after a word that makes its items places or institutions: `các phố Nguyễn Văn Tố,
        // Lê Quý Đôn và Trần Hưng Đạo`, `trường Lương Thế Vinh, Đoàn Thị Điểm`.
        if i > 0, w[i].isCapitalized, Names.introduces(line, i - 1), line.gapIsSpace(after: i - 1),
          !surnames.contains(w[i].hash) || !Names.hasAgeAfter(line, Names.run(line, from: i, limit: limit, maxWords: 4) ?? i),
          !PersonRules.isHomeOf(line, i, limit: limit)
        {
          var k = institutionEnd(line, from: i, limit: limit)
          // `dưới thời Kowalczyk`: an era named after a foreigner is no place; the same word
          // elsewhere in the article stays the person (`thời Lý` names a dynasty, skipped all the same).
          if !(PersonRules.eraWords.contains(w[i - 1].hash) && !surnames.contains(w[i].hash)) {
            placeSpans.append((lineIndex, i, k))
          }
          while k < limit {
            guard k + 2 < limit else { break }
            let gap = line.gap(after: k)
            if gap.elementsEqual([0x2C, 0x20]), w[k + 1].isCapitalized {
              k += 1
            } else if line.gapIsSpace(after: k), w[k + 1].hash == hVa, line.gapIsSpace(after: k + 1), w[k + 2].isCapitalized {
              // `trú tại tỉnh Yên Bái và Đỗ Văn Điệp`: a person's name, not a second province.
              if PersonRules.regionLevels.contains(w[i - 1].hash), PersonRules.isVanThiName(line, at: k + 2, limit: limit) { break }
              k += 2
            } else {
              break
            }
            let itemStart = k
            k = institutionEnd(line, from: k, limit: limit)
            placeSpans.append((lineIndex, itemStart, k))
          }
          i = k + 1
          continue
        }
        // An official named after a country: `Bộ trưởng Bộ Tư pháp Philippines Leila de Lima`.
        if w[i].isCapitalized, countries.startsAny(w[i].hash), let (start, end) = PersonRules.afterCountry(line, at: i, limit: limit) {
          add(
            line.excerpt(start, end), rank: nil, positions: [],
            provenance: Provenance(rule: "after country", line: line.number, excerpt: line.excerpt(i, end)))
          i = follow(line, end, limit: limit)
          continue
        }
        if w[i].isCapitalized, foreignGivenNames.contains(w[i].hash), let (start, end) = foreignName(line, at: i, limit: limit) {
          // `Xavi Hernandez, Andres Iniesta và Sergio Busquets`: the names listed before are people too.
          for (s, e) in PersonRules.listLeaders(line, before: start) {
            add(
              line.excerpt(s, e), rank: nil, positions: [],
              provenance: Provenance(rule: "list", line: line.number, excerpt: line.excerpt(s, end)))
          }
          add(
            line.excerpt(start, end), rank: nil, positions: [],
            provenance: Provenance(rule: "foreign name", line: line.number, excerpt: line.excerpt(start, end)))
          i = follow(line, end, limit: limit, start: start)
          continue
        }
        // A name that an apposition explains, after it (`Emme Sky, một chuyên gia`, `Dan Serfati, Chủ
        // tịch ...`) or after the title of the body it heads. Its run has two words or more: most
        // capitalised words have a small word after them.
        if w[i].isCapitalized, i + 1 < limit, PersonRules.runCrosses(line, after: i) {
          // A name set off by commas after the title of the body it heads: `Chủ tịch Brelford, Anton
          // Weiss, cho biết` (the comma read as two bytes).
          if i >= 2, w[i].start - w[i - 1].end == 2, line.bytes[w[i - 1].end] == 0x2C,
            let (start, end) = PersonRules.titledAppositive(line, at: i, limit: limit)
          {
            add(
              line.excerpt(start, end), rank: nil, positions: [],
              provenance: Provenance(rule: "apposition after title", line: line.number, excerpt: line.excerpt(start, end)))
            i = end + 1
            continue
          }
          if let (start, end) = PersonRules.appositive(line, at: i, limit: limit) {
            add(
              line.excerpt(start, end), rank: nil, positions: [],
              provenance: Provenance(rule: "apposition", line: line.number, excerpt: line.excerpt(start, end + 3 < w.count ? end + 3 : end)))
            i = end + 1
            continue
          }
        }
        // A Vietnamese name standing alone: three or more words from a family name, or two with
        // an age after them (`Nguyễn Trà My (29 tuổi, ...)`).
        if w[i].isCapitalized, surnames.contains(w[i].hash), let (start, end, sure) = bareName(line, at: i, limit: limit) {
          let found = PersonMention(
            name: line.excerpt(start, end), provenance: Provenance(rule: "name", line: line.number, excerpt: line.excerpt(start, end)))
          if sure {
            // `Hồng Đăng, Kang Tae Oh và Lã Thanh Huyền`: the names listed before are people too.
            for (s, e) in PersonRules.listLeaders(line, before: start) {
              add(
                line.excerpt(s, e), rank: nil, positions: [],
                provenance: Provenance(rule: "list", line: line.number, excerpt: line.excerpt(s, end)))
            }
            add(found.name, rank: nil, positions: [], provenance: found.provenance)
            bareNamed = true
            // An age makes it a person whatever else the article writes the same words as.
            if Names.hasAgeAfter(line, end) { aged.insert(UTF8Key(found.name)) }
            i = follow(line, end, limit: limit, start: start)
          } else {
            candidates.append(found)
            i = end + 1
          }
          continue
        }
        // `đồng chí Nguyễn Văn A`
        if w[i].hash == hDongChi[0], i + 1 < limit, w[i + 1].hash == hDongChi[1], i + 2 < limit,
          surnames.contains(w[i + 2].hash), let name = nameRun(line, from: i + 2), name.end < limit
        {
          add(
            line.excerpt(name.start, name.end), rank: nil, positions: [],
            provenance: Provenance(rule: "đồng chí", line: line.number, excerpt: line.excerpt(i, name.end)))
          i = follow(line, name.end, limit: limit)
          continue
        }
        // Two given names alone (`Bảo Anh đã hát`): the corpus decides.
        if w[i].isCapitalized, i + 2 < limit, w[i + 1].isCapitalized, !w[i + 2].isCapitalized,
          PersonRules.givenPair(line, at: i, limit: limit)
        {
          let name = line.excerpt(i, i + 1)
          let key = UTF8Key(name)
          if !Names.notPeopleNames.contains(key), byName[key] == nil, loneSeen.insert(key).inserted {
            candidates.append(
              PersonMention(
                name: name, provenance: Provenance(rule: PeopleResolver.givenPairRule, line: line.number, excerpt: name)))
          }
        }
        // A foreign surname alone (`Moyes`): the corpus decides.
        if w[i].isCapitalized, PersonRules.hasLoneSurnameShape(line, i),
          PersonRules.isLoneSurname(line, i, limit: limit)
        {
          let name = line.word(i)
          let key = UTF8Key(name)
          if !Names.notPeopleNames.contains(key), loneSeen.insert(key).inserted {
            candidates.append(
              PersonMention(name: name, provenance: Provenance(rule: "surname", line: line.number, excerpt: name)))
          }
        }
        i += 1
      }
    }
    // A bare name that this article also gives a place or a school (`THPT Lê Quý Đôn`) is that place.
    // The places' texts are made only when a bare name needs them.
    if !placeSpans.isEmpty,
      candidates.count > candidatesBefore || (bareNamed && mentions.contains(where: { $0.provenance.rule == "name" }))
    {
      for p in placeSpans { placeNames.insert(UTF8Key(lines[p.line].excerpt(p.start, p.end))) }
    }
    if !placeNames.isEmpty, bareNamed {
      mentions.removeAll { m in
        m.provenance.rule == "name" && placeNames.contains(UTF8Key(m.name)) && !aged.contains(UTF8Key(m.name))
      }
    }
    // A given name alone (`Tùng`) is the person named in full elsewhere in the article: its last
    // word (`Tùng`, `Obama`) or its first (`Tập`); `Hồng` is not `Phạm Hồng Tiến`.
    // Read as bytes: splitting a `String` walks its characters.
    guard mentions.contains(where: { !$0.name.utf8.contains(0x20) }) else { return mentions }
    var words: Set<UTF8Key> = []
    for name in mentions.lazy.map(\.name) where name.utf8.contains(0x20) {
      PeopleResolver.withBytes(name) { b in
        if let (first, last) = PeopleResolver.firstAndLastWords(b) {
          words.insert(UTF8Key(String(decoding: first, as: UTF8.self)))
          words.insert(UTF8Key(String(decoding: last, as: UTF8.self)))
        } else if let only = PeopleResolver.lastWord(b) {
          words.insert(UTF8Key(String(decoding: only, as: UTF8.self)))
        }
      }
    }
    return mentions.filter { $0.name.utf8.contains(0x20) || !words.contains(UTF8Key($0.name)) }
  }
}

extension People {
  /// First words of a firm's name (`Công ty TNHH Cân Nhơn Hòa`, `Tập đoàn ...`, `Cty ...`).
  static let firmHeads = WordSet(["Công", "Tập", "Tổng", "Cty", "Ngân", "Hãng", "Doanh"])
  /// Capitalised words of a firm's head and form before its proper name: `Tổng Công ty`, `Ngân hàng
  /// TMCP`, `Công ty TNHH MTV` (capitals alone are forms too).
  static let firmHeadWords = WordSet(["Công", "Ty", "Tập", "Đoàn", "Tổng", "Ngân", "Hàng", "Hãng", "Cổ", "Phần", "Doanh", "Nghiệp"])
  /// A firm's offices, in small letters, as they stand before the name of the firm they head.
  static let firmOffices = ["giám đốc ", "ceo ", "sáng lập ", "chủ tịch "]

  /// `withoutFirmNames(_:organizations:)` leaves out a "person" of two words or more who is the
  /// proper name of a firm of the same article, straight after its head and form, whom no
  /// Vietnamese family name opens, and whom a firm's office or nothing introduced: `Tổng giám đốc
  /// Sông Đà` where the article names `Tổng Công ty Sông Đà`. A name a family name opens (`Công ty
  /// Nguyễn Kim`) may be a person's too and stays.
  static func withoutFirmNames(_ people: [PersonMention], organizations: [OrganizationMention]) -> [PersonMention] {
    guard !people.isEmpty, !organizations.isEmpty else { return people }
    var kept = people
    kept.removeAll { p in
      // Cheap first: an organisation's name must end with the person's, after a space. Most
      // articles have no such pair, and nothing is split or hashed for them.
      guard let firm = organizations.first(where: { endsWithWords($0.name, p.name) }) else { return false }
      let words = ScanText.wordHashes(p.name)
      guard let first = words.first, words.count >= 2, !surnames.contains(first), isFirmName(firm.name, endingWith: words.count)
      else { return false }
      // Only a firm's office before the name (`Tổng giám đốc`, `CEO`, `nhà sáng lập`), or no cue
      // at all, leaves it the firm's: `bà Thanh Hằng`, `nghệ sĩ Chánh Tín` stay people.
      if p.provenance.rule == "foreign name" { return true }
      let cue = p.provenance.excerpt.dropLast(p.name.count).lowercased()
      return firmOffices.contains { cue.hasSuffix($0) }
    }
    return kept
  }

  /// `endsWithWords(_:_:)` tells whether `text` ends with a space and `words`, by bytes.
  static func endsWithWords(_ text: String, _ words: String) -> Bool {
    var text = text
    var words = words
    return text.withUTF8 { t in
      words.withUTF8 { w in
        guard t.count > w.count + 1, t[t.count - w.count - 1] == 0x20 else { return false }
        for k in 0..<w.count where t[t.count - w.count + k] != w[k] { return false }
        return true
      }
    }
  }

  /// `isFirmName(_:endingWith:)` tells whether `name` is a firm's (`Công ty TNHH Cân Nhơn Hòa`)
  /// whose proper name, after its head and form, is its last `count` words.
  static func isFirmName(_ name: String, endingWith count: Int) -> Bool {
    let words = name.split(separator: " ")
    guard words.count >= 3, let head = ScanText.wordHashes(String(words[0])).first, firmHeads.contains(head) else { return false }
    var k = 1
    while k < words.count, isFirmForm(words[k]) { k += 1 }
    return words.count - k == count
  }

  /// `isFirmForm(_:)` tells whether a word of a firm's name belongs to its head or form: a small
  /// word (`ty`, `cổ phần`), capitals (`TNHH`, `MTV`) or a listed head word (`Tổng Công ty`).
  static func isFirmForm(_ word: Substring) -> Bool {
    guard let first = word.first, first.isUppercase else { return true }
    if word.allSatisfy({ $0.isUppercase }) { return true }
    return ScanText.wordHashes(String(word)).first.map(firmHeadWords.contains) == true
  }
}
