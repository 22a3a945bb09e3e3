//! What an utterance is about: the topic tags a broadcaster puts in its `produce` request's
//! `appData` (`{"topics": ["music", "jazz"]}`). The one place the rule lives: at most
//! [`MAX_TOPICS`] tags of 1 to [`MAX_TOPIC_LEN`] characters of `a-z 0-9 - _ .` (lower case, so
//! that "Music" and "music" are not two tastes; safe in logs and JSON as they are).
//!
//! A producer's topics are parsed once into one shared list ([`Topics`]); every utterance the
//! producer's speaker records holds that list, not a copy: no per-packet or per-utterance cost
//! beyond a reference count.

use std::sync::Arc;

use serde_json::Value;

/// Most topic tags on one producer.
pub const MAX_TOPICS: usize = 8;
/// Longest topic tag, in characters (bytes: they are ASCII).
pub const MAX_TOPIC_LEN: usize = 32;

/// A producer's topic tags, shared by the utterances it records; empty when it gave none.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Topics(Arc<[Arc<str>]>);

impl Default for Topics {
    fn default() -> Self {
        Topics(Arc::from(Vec::new()))
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TopicError {
    #[error("appData.topics must be an array of strings")]
    NotAList,
    #[error("appData.topics has more than {MAX_TOPICS} tags")]
    TooMany,
    #[error("appData.topics: {0:?} is not a topic: 1-{MAX_TOPIC_LEN} characters of a-z 0-9 - _ .")]
    Invalid(String),
}

impl Topics {
    /// The topics in a `produce` request's `appData`: none without `appData` or without its
    /// `topics` key (other keys are the client's business); repeated tags count once.
    pub fn from_app_data(app_data: Option<&Value>) -> Result<Topics, TopicError> {
        let Some(topics) = app_data.and_then(|d| d.get("topics")) else {
            return Ok(Topics::default());
        };
        let list = topics.as_array().ok_or(TopicError::NotAList)?;
        if list.len() > MAX_TOPICS {
            return Err(TopicError::TooMany);
        }
        let mut tags: Vec<Arc<str>> = Vec::with_capacity(list.len());
        for tag in list {
            let text = tag.as_str().ok_or(TopicError::NotAList)?;
            let valid = !text.is_empty()
                && text.len() <= MAX_TOPIC_LEN
                && text
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'-' | b'_' | b'.'));
            if !valid {
                return Err(TopicError::Invalid(text.chars().take(MAX_TOPIC_LEN + 8).collect()));
            }
            if !tags.iter().any(|t| **t == *text) {
                tags.push(Arc::from(text));
            }
        }
        Ok(Topics(Arc::from(tags)))
    }

    /// Topics from tags already known to be valid (tests, tools).
    pub fn of(tags: &[&str]) -> Topics {
        Topics(tags.iter().map(|&t| Arc::from(t)).collect())
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn iter(&self) -> impl ExactSizeIterator<Item = &Arc<str>> {
        self.0.iter()
    }

    /// Identifies the shared list (every utterance of a producer has the same one): a cheap key
    /// for caching what is computed per list.
    pub fn address(&self) -> usize {
        self.0.as_ptr() as usize
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn topics_come_from_app_data() {
        assert!(Topics::from_app_data(None).unwrap().is_empty());
        assert!(Topics::from_app_data(Some(&json!({}))).unwrap().is_empty());
        assert!(Topics::from_app_data(Some(&json!({"source": "mic"})))
            .unwrap()
            .is_empty());
        let t = Topics::from_app_data(Some(&json!({"topics": ["music", "jazz-1.0_x", "music"]}))).unwrap();
        assert_eq!(t, Topics::of(&["music", "jazz-1.0_x"]), "a repeated tag counts once");
        let shared = t.clone();
        assert_eq!(shared.address(), t.address(), "clones share the list");
    }

    #[test]
    fn bad_topics_are_refused() {
        let refused = |v: Value| Topics::from_app_data(Some(&json!({ "topics": v }))).unwrap_err();
        assert_eq!(refused(json!("music")), TopicError::NotAList);
        assert_eq!(refused(json!([1])), TopicError::NotAList);
        assert_eq!(refused(json!(null)), TopicError::NotAList);
        let nine: Vec<String> = (0..9).map(|i| format!("t{i}")).collect();
        assert_eq!(refused(json!(nine)), TopicError::TooMany);
        for bad in [
            "",
            "Music",
            "a b",
            "news/",
            "<script>",
            "é",
            &"x".repeat(MAX_TOPIC_LEN + 1),
        ] {
            assert!(
                matches!(refused(json!([bad])), TopicError::Invalid(_)),
                "{bad:?} must be refused"
            );
        }
        assert!(Topics::from_app_data(Some(&json!({"topics": ["x".repeat(MAX_TOPIC_LEN)]}))).is_ok());
        // A long bad tag is not echoed whole in the error.
        let long = "Y".repeat(10_000);
        assert!(refused(json!([long])).to_string().len() < 200);
    }
}
