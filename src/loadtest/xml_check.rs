//! A strict little XML reader for the tests of the SVG and HTML output: checks that tags
//! balance, attributes are quoted and text holds no raw `<` or stray `&`, and lists the elements
//! with their attributes and text (entities decoded).

#[derive(Debug, Clone, PartialEq)]
pub struct Element {
    pub name: String,
    pub attributes: Vec<(String, String)>,
    /// Text directly inside (decoded).
    pub text: String,
}

impl Element {
    pub fn attribute(&self, name: &str) -> Option<&str> {
        self.attributes.iter().find(|a| a.0 == name).map(|a| a.1.as_str())
    }
}

fn decode(s: &str) -> Result<String, String> {
    let mut out = String::new();
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let end = rest[i..].find(';').ok_or_else(|| format!("stray & in {s:?}"))?;
        out.push(match &rest[i + 1..i + end] {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "#39" => '\'',
            e => return Err(format!("unknown entity &{e};")),
        });
        rest = &rest[i + end + 1..];
    }
    out.push_str(rest);
    Ok(out)
}

fn attributes(s: &str) -> Result<Vec<(String, String)>, String> {
    let mut out = Vec::new();
    let mut rest = s.trim();
    while !rest.is_empty() {
        let (name, after) = rest
            .split_once("=\"")
            .ok_or_else(|| format!("unquoted attribute in {s:?}"))?;
        let end = after
            .find('"')
            .ok_or_else(|| format!("unterminated attribute in {s:?}"))?;
        out.push((name.trim().to_string(), decode(&after[..end])?));
        rest = after[end + 1..].trim_start();
    }
    Ok(out)
}

/// Every element of `doc` in document order, or why it is not well-formed. A leading
/// `<!DOCTYPE ...>` is skipped.
pub fn parse(doc: &str) -> Result<Vec<Element>, String> {
    let mut rest = doc.trim();
    if rest.starts_with("<!DOCTYPE") {
        rest = &rest[rest.find('>').ok_or("unterminated doctype")? + 1..];
    }
    let (mut all, mut open): (Vec<Element>, Vec<usize>) = (Vec::new(), Vec::new());
    while let Some(lt) = rest.find('<') {
        let text = decode(&rest[..lt])?;
        if let Some(&i) = open.last() {
            all[i].text.push_str(&text);
        } else if !text.trim().is_empty() {
            return Err(format!("text outside the root: {text:?}"));
        }
        let gt = rest[lt..].find('>').ok_or("unterminated tag")? + lt;
        let tag = &rest[lt + 1..gt];
        rest = &rest[gt + 1..];
        if let Some(name) = tag.strip_prefix('/') {
            let i = open.pop().ok_or_else(|| format!("</{name}> closes nothing"))?;
            if all[i].name != name {
                return Err(format!("</{name}> closes <{}>", all[i].name));
            }
            continue;
        }
        let closed = tag.ends_with('/');
        let tag = tag.trim_end_matches('/');
        let (name, attrs) = tag.split_once(' ').unwrap_or((tag, ""));
        all.push(Element {
            name: name.to_string(),
            attributes: attributes(attrs)?,
            text: String::new(),
        });
        if !closed {
            open.push(all.len() - 1);
        }
    }
    if let Some(&i) = open.last() {
        return Err(format!("<{}> never closed", all[i].name));
    }
    Ok(all)
}

#[test]
fn the_checker_rejects_what_is_not_well_formed() {
    assert!(parse("<a><b/></a>").is_ok());
    assert!(parse("<a><b></a>").is_err());
    assert!(parse("<a>x & y</a>").is_err());
    assert!(parse("<a x=1></a>").is_err());
    assert_eq!(parse("<a t=\"&lt;\">&amp;</a>").unwrap()[0].text, "&");
}
