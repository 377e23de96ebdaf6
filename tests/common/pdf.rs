// Builds small PDFs for tests: text drawn in a CID font with a ToUnicode map (as PDFs of
// Chinese documents are made), or a page with no text at all (as a scan is).

/// A one-page PDF drawing each of `lines` on a line of its own, left-aligned, top down.
pub fn text_pdf(lines: &[&str]) -> Vec<u8> {
    use std::fmt::Write;
    let mut cids: Vec<char> = Vec::new();
    let mut content = String::new();
    for (i, line) in lines.iter().enumerate() {
        let mut hex = String::new();
        for c in line.chars() {
            let cid = if let Some(k) = cids.iter().position(|&x| x == c) {
                k + 1
            } else {
                cids.push(c);
                cids.len()
            };
            let _ = write!(hex, "{cid:04X}");
        }
        let y = 800 - 16 * i64::try_from(i).unwrap_or(0);
        let _ = writeln!(content, "BT /F1 12 Tf 40 {y} Td <{hex}> Tj ET");
    }
    let mut cmap = String::from(
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n\
         /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n\
         /CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n\
         1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n",
    );
    for (n, chars) in cids.chunks(100).enumerate() {
        let _ = writeln!(cmap, "{} beginbfchar", chars.len());
        for (k, c) in chars.iter().enumerate() {
            let mut units = [0u16; 2];
            let _ = write!(cmap, "<{:04X}> <", n * 100 + k + 1);
            for u in c.encode_utf16(&mut units).iter() {
                let _ = write!(cmap, "{u:04X}");
            }
            cmap.push_str(">\n");
        }
        cmap.push_str("endbfchar\n");
    }
    cmap.push_str("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
    build(&content, Some(&cmap))
}

/// A one-page PDF holding only a filled rectangle: what a scan without a text layer reads as.
pub fn scanned_pdf() -> Vec<u8> {
    build("0.5 g 40 40 500 700 re f\n", None)
}

fn build(content: &str, cmap: Option<&str>) -> Vec<u8> {
    let mut objects: Vec<String> = vec![
        "<< /Type /Catalog /Pages 2 0 R >>".into(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".into(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] \
         /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>"
            .into(),
        "<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-H \
         /DescendantFonts [6 0 R] /ToUnicode 7 0 R >>"
            .into(),
        format!(
            "<< /Length {} >>\nstream\n{content}endstream",
            content.len()
        ),
        "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun \
         /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> \
         /FontDescriptor 8 0 R /DW 1000 >>"
            .into(),
    ];
    let cmap = cmap.unwrap_or("");
    objects.push(format!(
        "<< /Length {} >>\nstream\n{cmap}endstream",
        cmap.len()
    ));
    objects.push(
        "<< /Type /FontDescriptor /FontName /SimSun /Flags 4 /FontBBox [0 -140 1000 860] \
         /ItalicAngle 0 /Ascent 860 /Descent -140 /CapHeight 700 /StemV 80 >>"
            .into(),
    );
    let mut out: Vec<u8> = b"%PDF-1.4\n%\xE2\xE3\xCF\xD3\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n{body}\nendobj\n", i + 1).as_bytes());
    }
    let xref = out.len();
    out.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for o in offsets {
        out.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}
