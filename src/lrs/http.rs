//! The HTTP side of a push: one blocking `POST {endpoint}/statements` per batch, with ureq.

use std::time::Duration;

use base64::Engine;
use chrono::{DateTime, Utc};

use crate::lrs::config::LrsConfig;
use crate::lrs::send::{Answer, PushOptions, Transport};

/// The xAPI version the statements follow; an LRS refuses requests without it.
const XAPI_VERSION: &str = "1.0.3";
/// More than any LRS answer to a POST needs (the ids of 1,000 statements are 40 kB).
const ANSWER_LIMIT: u64 = 1024 * 1024;

/// Posts batches to one LRS with HR's credentials.
pub(crate) struct Http {
    agent: ureq::Agent,
    url: String,
    authorization: String,
}

impl Http {
    pub fn new(config: &LrsConfig, options: &PushOptions) -> Http {
        let agent: ureq::Agent = ureq::Agent::config_builder()
            // Statuses are the LRS's answer, judged by `send`, not errors.
            .http_status_as_error(false)
            // A POST is never followed elsewhere: the user is told the new address instead.
            .max_redirects(0)
            .timeout_connect(Some(options.connect_timeout))
            .timeout_send_request(Some(options.read_timeout))
            .timeout_send_body(Some(options.read_timeout))
            .timeout_recv_response(Some(options.read_timeout))
            .timeout_recv_body(Some(options.read_timeout))
            .user_agent(concat!("latih-asn/", env!("CARGO_PKG_VERSION")))
            .build()
            .into();
        let credentials = base64::engine::general_purpose::STANDARD
            .encode(format!("{}:{}", config.user, config.key));
        Http {
            agent,
            url: config.statements_url(),
            authorization: format!("Basic {credentials}"),
        }
    }
}

impl Transport for Http {
    fn post(&mut self, body: &[u8]) -> Answer {
        let sent = self
            .agent
            .post(&self.url)
            .header("Authorization", &self.authorization)
            .header("X-Experience-API-Version", XAPI_VERSION)
            .header("Content-Type", "application/json")
            .send(body);
        let mut response = match sent {
            Ok(response) => response,
            Err(error) => return failure(error),
        };
        let status = response.status().as_u16();
        let header = |name: &str| {
            response
                .headers()
                .get(name)
                .and_then(|value| value.to_str().ok())
                .map(str::to_owned)
        };
        let retry_after = header("Retry-After").and_then(|v| parse_retry_after(&v, Utc::now()));
        let location = header("Location");
        let text = response
            .body_mut()
            .with_config()
            .limit(ANSWER_LIMIT)
            .read_to_vec();
        let body = match text {
            Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
            // A 2xx whose body did not arrive whole proves nothing was stored.
            Err(error) if (200..300).contains(&status) => return failure(error),
            Err(_) => String::new(),
        };
        Answer::Status {
            status,
            body,
            retry_after,
            location,
        }
    }
}

/// A request that got no answer: a timeout or a network failure is worth another try; a TLS
/// failure or a malformed address is not.
fn failure(error: ureq::Error) -> Answer {
    match error {
        ureq::Error::Timeout(_) => Answer::Timeout,
        ureq::Error::Io(error)
            if matches!(
                error.kind(),
                std::io::ErrorKind::TimedOut | std::io::ErrorKind::WouldBlock
            ) =>
        {
            Answer::Timeout
        }
        // rustls reports a refused certificate or a server that speaks no TLS this way.
        ureq::Error::Io(error) if error.kind() == std::io::ErrorKind::InvalidData => {
            Answer::Broken(error.to_string())
        }
        ureq::Error::Io(_)
        | ureq::Error::HostNotFound
        | ureq::Error::ConnectionFailed
        | ureq::Error::BodyStalled
        | ureq::Error::Protocol(_) => Answer::Network(error.to_string()),
        other => Answer::Broken(other.to_string()),
    }
}

/// `Retry-After` as seconds (`120`) or as an HTTP date (`Wed, 21 Oct 2026 07:28:00 GMT`).
pub(crate) fn parse_retry_after(value: &str, now: DateTime<Utc>) -> Option<Duration> {
    let value = value.trim();
    if let Ok(seconds) = value.parse::<u64>() {
        return Some(Duration::from_secs(seconds));
    }
    let at = DateTime::parse_from_rfc2822(value).ok()?;
    Some(
        (at.with_timezone(&Utc) - now)
            .to_std()
            .unwrap_or(Duration::ZERO),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retry_after_in_seconds_or_as_a_date() {
        let now = DateTime::parse_from_rfc3339("2026-10-21T07:27:00Z")
            .unwrap()
            .with_timezone(&Utc);
        assert_eq!(
            parse_retry_after(" 120 ", now),
            Some(Duration::from_secs(120))
        );
        assert_eq!(
            parse_retry_after("Wed, 21 Oct 2026 07:28:00 GMT", now),
            Some(Duration::from_secs(60))
        );
        assert_eq!(
            parse_retry_after("Wed, 21 Oct 2026 07:00:00 GMT", now),
            Some(Duration::ZERO)
        );
        assert_eq!(parse_retry_after("soon", now), None);
        assert_eq!(parse_retry_after("-5", now), None);
    }
}
