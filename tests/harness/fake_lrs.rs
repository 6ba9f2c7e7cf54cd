//! A scripted xAPI LRS on loopback, for push tests: by default it behaves as an LRS does
//! (stores each statement once, 200 with the new ids, 204 when all were stored already, 409
//! for an id stored with other content); a script can answer otherwise, request by request.
//! It stops when dropped.

#![allow(dead_code)]

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

use serde_json::Value;

/// One request, as received.
#[derive(Debug, Clone)]
pub struct Request {
    pub method: String,
    pub path: String,
    /// Header names in lower case.
    pub headers: HashMap<String, String>,
    /// The statements posted (empty when the body is not a JSON array).
    pub statements: Vec<Value>,
}

impl Request {
    pub fn ids(&self) -> Vec<String> {
        self.statements
            .iter()
            .map(|s| s["id"].as_str().unwrap_or_default().to_owned())
            .collect()
    }
}

/// What to answer.
pub enum Reply {
    /// Behave as an LRS.
    Lrs,
    /// This status, extra headers and body; nothing is stored.
    Status(u16, Vec<(&'static str, String)>, String),
    /// Hold the connection this long without answering, then close it.
    Silence(Duration),
}

type Script = Box<dyn FnMut(usize, &Request) -> Reply + Send>;

pub struct FakeLrs {
    /// The xAPI endpoint: `http://127.0.0.1:PORT/xAPI`.
    pub endpoint: String,
    pub requests: Arc<Mutex<Vec<Request>>>,
    /// id → statement, as stored.
    pub stored: Arc<Mutex<HashMap<String, Value>>>,
    stop: Arc<AtomicBool>,
    port: u16,
    thread: Option<JoinHandle<()>>,
}

impl FakeLrs {
    /// An LRS that answers request `n` (0, 1, …) with `script(n, request)`.
    pub fn start(script: impl FnMut(usize, &Request) -> Reply + Send + 'static) -> FakeLrs {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let requests = Arc::new(Mutex::new(Vec::new()));
        let stored = Arc::new(Mutex::new(HashMap::new()));
        let stop = Arc::new(AtomicBool::new(false));
        let script: Arc<Mutex<Script>> = Arc::new(Mutex::new(Box::new(script)));
        let thread = {
            let (requests, stored, stop) = (requests.clone(), stored.clone(), stop.clone());
            std::thread::spawn(move || {
                for stream in listener.incoming() {
                    if stop.load(Ordering::SeqCst) {
                        break;
                    }
                    let Ok(stream) = stream else { continue };
                    let (requests, stored, script) =
                        (requests.clone(), stored.clone(), script.clone());
                    // One thread per connection, so a silent answer blocks nobody else.
                    std::thread::spawn(move || serve(stream, &requests, &stored, &script));
                }
            })
        };
        FakeLrs {
            endpoint: format!("http://127.0.0.1:{port}/xAPI"),
            requests,
            stored,
            stop,
            port,
            thread: Some(thread),
        }
    }

    /// An LRS that behaves as one, always.
    pub fn honest() -> FakeLrs {
        FakeLrs::start(|_, _| Reply::Lrs)
    }

    pub fn requests(&self) -> Vec<Request> {
        self.requests.lock().unwrap().clone()
    }

    /// Every statement id posted, in order, repeats included.
    pub fn posted_ids(&self) -> Vec<String> {
        self.requests().iter().flat_map(Request::ids).collect()
    }

    pub fn stored_ids(&self) -> Vec<String> {
        let mut ids: Vec<String> = self.stored.lock().unwrap().keys().cloned().collect();
        ids.sort();
        ids
    }
}

impl Drop for FakeLrs {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        // Wakes the accept loop so it sees the flag.
        let _ = TcpStream::connect(("127.0.0.1", self.port));
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

fn serve(
    stream: TcpStream,
    requests: &Mutex<Vec<Request>>,
    stored: &Mutex<HashMap<String, Value>>,
    script: &Mutex<Script>,
) {
    let Some(request) = read_request(&stream) else {
        return;
    };
    let n = {
        let mut requests = requests.lock().unwrap();
        requests.push(request.clone());
        requests.len() - 1
    };
    let reply = (script.lock().unwrap())(n, &request);
    let (status, headers, body) = match reply {
        Reply::Silence(time) => {
            std::thread::sleep(time);
            return;
        }
        Reply::Status(status, headers, body) => (status, headers, body),
        Reply::Lrs => behave(&request, stored),
    };
    let mut answer = format!(
        "HTTP/1.1 {status} Scripted\r\nContent-Length: {}\r\nConnection: close\r\n",
        body.len()
    );
    for (name, value) in headers {
        answer.push_str(&format!("{name}: {value}\r\n"));
    }
    answer.push_str("\r\n");
    answer.push_str(&body);
    let mut stream = stream;
    let _ = stream.write_all(answer.as_bytes());
    let _ = stream.flush();
}

/// What an LRS does with a POST: the whole batch is stored, or none of it.
fn behave(
    request: &Request,
    stored: &Mutex<HashMap<String, Value>>,
) -> (u16, Vec<(&'static str, String)>, String) {
    let json = vec![("Content-Type", "application/json".to_owned())];
    if request.method != "POST" || !request.path.ends_with("/xAPI/statements") {
        return (404, json, r#"{"detail": "Not Found"}"#.into());
    }
    let mut stored = stored.lock().unwrap();
    let mut new = Vec::new();
    for statement in &request.statements {
        let id = statement["id"].as_str().unwrap_or_default().to_owned();
        match stored.get(&id) {
            Some(old) if old == statement => {}
            Some(_) => {
                return (
                    409,
                    json,
                    format!(
                        r#"{{"detail": "A different statement already exists with the same ID: {id}"}}"#
                    ),
                );
            }
            None => new.push((id, statement.clone())),
        }
    }
    if new.is_empty() {
        return (204, Vec::new(), String::new());
    }
    let ids: Vec<String> = new.iter().map(|(id, _)| id.clone()).collect();
    stored.extend(new);
    (200, json, serde_json::to_string(&ids).unwrap())
}

fn read_request(stream: &TcpStream) -> Option<Request> {
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .ok()?;
    let mut reader = BufReader::new(stream);
    let mut line = String::new();
    reader.read_line(&mut line).ok()?;
    let mut parts = line.split_whitespace();
    let method = parts.next()?.to_owned();
    let path = parts.next()?.to_owned();
    let mut headers = HashMap::new();
    loop {
        let mut line = String::new();
        reader.read_line(&mut line).ok()?;
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        let (name, value) = line.split_once(':')?;
        headers.insert(name.trim().to_ascii_lowercase(), value.trim().to_owned());
    }
    let length: usize = headers
        .get("content-length")
        .and_then(|l| l.parse().ok())
        .unwrap_or(0);
    let mut body = vec![0; length];
    reader.read_exact(&mut body).ok()?;
    let statements = serde_json::from_slice::<Vec<Value>>(&body).unwrap_or_default();
    Some(Request {
        method,
        path,
        headers,
        statements,
    })
}
