//! The external recommender's client: POSTs the questions feeds ask
//! ([`super::FeedEvent::Ask`], body built by [`crate::recommend::external`]) to the configured
//! service and hands the answers back to the feed engine.
//!
//! One task owns every request in flight (at most [`MAX_IN_FLIGHT`]; past that a question is
//! failed at once and the feed decides by itself). Each request is bounded by the feed's
//! patience plus a little: an answer later than the feed's deadline is ignored by the feed
//! anyway. Plain HTTP/1.1 with keep-alive: the service runs next to the server.

use std::time::Duration;

use bytes::Bytes;
use http_body_util::{BodyExt, Full, Limited};
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::client::legacy::Client;
use hyper_util::rt::TokioExecutor;
use tokio::sync::mpsc;
use tokio::task::JoinSet;
use tokio_util::sync::CancellationToken;

use crate::buffer::UtteranceId;
use crate::recommend::external::{parse_answer, MAX_ANSWER_BYTES};

/// Questions in flight at once; more fail at once (the service is not keeping up).
pub(crate) const MAX_IN_FLIGHT: usize = 512;
/// How much longer than the feed's patience a request may run before it is dropped.
const GRACE: Duration = Duration::from_millis(200);

/// A feed's question: which feed (`key`), which of its questions (`ticket`), the JSON body.
pub(crate) struct Question<K> {
    pub key: K,
    pub ticket: u64,
    pub body: Vec<u8>,
}

/// The answer to a [`Question`]; `Err` says why there is none.
pub(crate) struct Answer<K> {
    pub key: K,
    pub ticket: u64,
    pub result: Result<Option<UtteranceId>, String>,
}

/// Cheap handle: sends questions to the client task.
pub(crate) struct ExternalClient<K> {
    questions: mpsc::UnboundedSender<Question<K>>,
}

impl<K: Send + 'static> ExternalClient<K> {
    /// Starts the client task for `url` (validated by the config: `http://host:port/path`);
    /// answers go to `answers`. The task ends when `stop` is cancelled or the handle drops.
    pub fn start(
        url: http::Uri,
        patience: Duration,
        answers: mpsc::UnboundedSender<Answer<K>>,
        stop: CancellationToken,
    ) -> (ExternalClient<K>, tokio::task::JoinHandle<()>) {
        let (questions, rx) = mpsc::unbounded_channel();
        let mut connector = HttpConnector::new();
        connector.set_nodelay(true);
        connector.set_connect_timeout(Some(patience + GRACE));
        let client = Client::builder(TokioExecutor::new())
            .pool_idle_timeout(Duration::from_secs(30))
            .build(connector);
        let task = tokio::spawn(run(rx, answers, client, url, patience + GRACE, stop));
        (ExternalClient { questions }, task)
    }

    pub fn ask(&self, question: Question<K>) {
        let _ = self.questions.send(question);
    }
}

type HttpClient = Client<HttpConnector, Full<Bytes>>;

async fn run<K: Send + 'static>(
    mut questions: mpsc::UnboundedReceiver<Question<K>>,
    answers: mpsc::UnboundedSender<Answer<K>>,
    client: HttpClient,
    url: http::Uri,
    limit: Duration,
    stop: CancellationToken,
) {
    let mut flights: JoinSet<Answer<K>> = JoinSet::new();
    loop {
        tokio::select! {
            _ = stop.cancelled() => break,
            question = questions.recv() => {
                let Some(q) = question else { break };
                if flights.len() >= MAX_IN_FLIGHT {
                    let _ = answers.send(Answer {
                        key: q.key,
                        ticket: q.ticket,
                        result: Err(format!("{MAX_IN_FLIGHT} questions in flight already")),
                    });
                    continue;
                }
                let (client, url) = (client.clone(), url.clone());
                flights.spawn(async move {
                    let result = match tokio::time::timeout(limit, exchange(&client, url, q.body)).await {
                        Ok(result) => result,
                        Err(_) => Err(format!("no answer within {limit:?}")),
                    };
                    Answer { key: q.key, ticket: q.ticket, result }
                });
            }
            Some(done) = flights.join_next(), if !flights.is_empty() => {
                if let Ok(answer) = done {
                    let _ = answers.send(answer);
                }
            }
        }
    }
    flights.shutdown().await;
}

/// One POST and its answer.
async fn exchange(client: &HttpClient, url: http::Uri, body: Vec<u8>) -> Result<Option<UtteranceId>, String> {
    let request = http::Request::post(url)
        .header(http::header::CONTENT_TYPE, "application/json")
        .body(Full::new(Bytes::from(body)))
        .map_err(|e| format!("building the request: {e}"))?;
    let response = client
        .request(request)
        .await
        .map_err(|e| crate::http_client::describe(&e))?;
    let status = response.status();
    let body = Limited::new(response.into_body(), MAX_ANSWER_BYTES)
        .collect()
        .await
        .map_err(|e| format!("reading the answer: {e}"))?
        .to_bytes();
    if !status.is_success() {
        return Err(format!("HTTP {status}"));
    }
    parse_answer(&body).map_err(|e| e.to_string())
}
