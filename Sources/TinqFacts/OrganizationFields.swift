import TinqText

/// `OrganizationFields` owns one way of writing an organisation's name: a ministry's or
/// department's field in its standard abbreviation (`Bộ GD-ĐT`, `Sở NN&PTNT Hà Nội`, `Bộ
/// LĐTB&XH`). Extraction names such a body by its field's words (`Bộ Giáo dục và Đào tạo`, the
/// abbreviation kept as written), and a name typed after `mentions` is read the same way, so that
/// every spelling finds the one organisation on every backend.
public enum OrganizationFields {
  /// Heads whose name may be a field in its abbreviation, lowercased and without diacritics
  /// (`Bộ`, `Sở`, `Phòng`, `Vụ`, `Cục`, as typed either way).
  static let heads: Set<String> = ["bo", "so", "phong", "vu", "cuc"]
  /// The fields by their abbreviations, written without the `-`, `&`, `,`, `.` or `–` that join
  /// their parts (`GD-ĐT`, `GD&ĐT`, `GDĐT` are one).
  static let fields: [String: String] = [
    "GDĐT": "Giáo dục và Đào tạo", "GTVT": "Giao thông vận tải", "NNPTNT": "Nông nghiệp và Phát triển nông thôn",
    "LĐTBXH": "Lao động - Thương binh và Xã hội", "KHĐT": "Kế hoạch và Đầu tư", "TNMT": "Tài nguyên và Môi trường",
    "VHTTDL": "Văn hóa, Thể thao và Du lịch", "TTTT": "Thông tin và Truyền thông", "KHCN": "Khoa học và Công nghệ",
    "VHTT": "Văn hóa - Thông tin", "GTCC": "Giao thông công chính",
  ]

  /// The same, typed without diacritics (`GD-DT`, `LDTBXH`).
  static let bareFields: [String: String] = Dictionary(
    fields.map { (Fold.bare($0.key).uppercased(), $0.value) }, uniquingKeysWith: { a, _ in a })

  /// `expanded(_:)` is `name` with the field after its head written as words (`Bộ GD-ĐT` → `Bộ
  /// Giáo dục và Đào tạo`), or `name` itself when it opens with no such head and field.
  public static func expanded(_ name: String) -> String {
    guard let space = name.firstIndex(of: " ") else { return name }
    let head = name[..<space]
    guard head.count <= 5, heads.contains(Fold.bare(head.lowercased())) else { return name }
    let part = name[name.index(after: space)...]
    let token = part.prefix { $0 != " " }
    let squeezed = String(token.filter { $0 != "-" && $0 != "&" && $0 != "," && $0 != "." && $0 != "–" })
    guard let field = fields[squeezed.uppercased()] ?? bareFields[Fold.bare(squeezed).uppercased()] else { return name }
    return head + " " + field + part.dropFirst(token.count)
  }
}
