//! The worker: a loop that runs the scheduler pass and then sends the due jobs, one
//! at a time. `tadamun serve` runs one beside the web server and `tadamun worker`
//! runs one alone; any number may share a database.
//!
//! Sending one job: claim it (a lease), compose the message, take its row in
//! `sent_reminders` (committed before anything is sent), send. A failed send gives
//! the row back and queues the job again after a back-off. A worker that dies after
//! taking the row leaves it taken: the message may then be lost, but never doubled.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration as StdDuration;

use chrono::{DateTime, Duration, Utc};
use tadamun_core::reminders::JobState;
use tadamun_store::reminders::{self, Job, schedule, sent};
use tadamun_store::{Db, StoreError};
use tokio::sync::Notify;

use super::mail::{Mailer, SmtpSettings};
use super::messages::{Context, Outcome, compose};

/// How long sent and skipped jobs are kept for the admins' list; the record of what
/// was sent stays for good.
const KEEP: Duration = Duration::days(90);

/// What one pass did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Pass {
    /// Jobs the scheduler added.
    pub enqueued: usize,
    /// Messages sent.
    pub sent: usize,
    /// Jobs ended without sending (already sent, no longer relevant).
    pub skipped: usize,
    /// Sends that failed (queued again, or failed for good).
    pub failed: usize,
}

/// A worker on one database.
pub struct Worker {
    db: Db,
    mailer: Option<Mailer>,
    base: String,
    name: String,
    /// How long to wait between passes when there is nothing to send.
    pub interval: StdDuration,
}

impl Worker {
    /// A worker sending through `smtp` (none: it only enqueues, and the jobs wait),
    /// writing links that start with `public_url`.
    pub fn new(db: Db, smtp: Option<&SmtpSettings>, public_url: &str) -> Result<Self, String> {
        let mailer = smtp.map(Mailer::new).transpose()?;
        Ok(Self {
            db,
            mailer,
            base: public_url.trim_end_matches('/').to_owned(),
            name: format!("{}-{}", std::process::id(), tadamun_core::ids::JobId::new()),
            interval: StdDuration::from_secs(30),
        })
    }

    /// This worker's name in the `claimed_by` column.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// One pass at `now`: enqueue what is due, then send every due job.
    pub async fn run_once(&self, now: DateTime<Utc>) -> Result<Pass, StoreError> {
        self.pass(now, &AtomicBool::new(false)).await
    }

    /// A pass that stops claiming jobs once `stop` is set, so a shutdown waits for
    /// the message being sent and no more.
    async fn pass(&self, now: DateTime<Utc>, stop: &AtomicBool) -> Result<Pass, StoreError> {
        let mut pass = Pass {
            enqueued: schedule::run(&self.db, now).await?,
            ..Pass::default()
        };
        reminders::prune(&self.db, now - KEEP).await?;
        let Some(mailer) = &self.mailer else {
            return Ok(pass);
        };
        let secret = crate::events::registration::secret_of(&self.db).await?;
        let cx = Context {
            db: &self.db,
            base: &self.base,
            secret: &secret,
            now,
        };
        while !stop.load(Ordering::SeqCst) {
            let Some(job) = reminders::claim(&self.db, &self.name, now).await? else {
                break;
            };
            match self.send(&cx, mailer, &job).await? {
                JobState::Done => pass.sent += 1,
                JobState::Skipped => pass.skipped += 1,
                _ => pass.failed += 1,
            }
        }
        Ok(pass)
    }

    async fn send(
        &self,
        cx: &Context<'_>,
        mailer: &Mailer,
        job: &Job,
    ) -> Result<JobState, StoreError> {
        let db = &self.db;
        let mail = match compose(cx, job).await? {
            Outcome::Send(mail) => mail,
            Outcome::Skip(why) => {
                reminders::finish(
                    db,
                    &job.id,
                    &self.name,
                    JobState::Skipped,
                    Some(why),
                    cx.now,
                )
                .await?;
                return Ok(JobState::Skipped);
            }
        };
        let message_id = mailer.message_id();
        let taken = sent::take(
            db,
            job.kind,
            &job.occurrence,
            &job.recipient,
            &job.id,
            &message_id,
            cx.now,
        )
        .await?;
        if !taken {
            reminders::finish(
                db,
                &job.id,
                &self.name,
                JobState::Skipped,
                Some("already sent"),
                cx.now,
            )
            .await?;
            return Ok(JobState::Skipped);
        }
        match mailer.send(&job.recipient, &mail, &message_id).await {
            Ok(()) => {
                reminders::finish(db, &job.id, &self.name, JobState::Done, None, cx.now).await?;
                tracing::info!(job = %job.id, kind = job.kind.as_str(), "sent");
                Ok(JobState::Done)
            }
            Err(error) => {
                sent::release(db, job.kind, &job.occurrence, &job.recipient, &job.id).await?;
                let state = reminders::fail(db, job, &self.name, &error, cx.now).await?;
                tracing::warn!(job = %job.id, kind = job.kind.as_str(), %error, "sending failed");
                Ok(state)
            }
        }
    }

    /// Runs passes until `shutdown` completes; a message being sent then is sent,
    /// and no other job is claimed.
    pub async fn run(self, shutdown: impl std::future::Future<Output = ()> + Send + 'static) {
        if self.mailer.is_none() {
            tracing::warn!(
                "no SMTP server is configured: reminders are queued and will be sent once one is"
            );
        }
        let stop = Arc::new(AtomicBool::new(false));
        let woken = Arc::new(Notify::new());
        let (flag, wake) = (stop.clone(), woken.clone());
        tokio::spawn(async move {
            shutdown.await;
            flag.store(true, Ordering::SeqCst);
            wake.notify_one();
        });
        while !stop.load(Ordering::SeqCst) {
            match self.pass(Utc::now(), &stop).await {
                Ok(pass) if pass != Pass::default() => tracing::info!(?pass, "reminders pass"),
                Ok(_) => {}
                Err(e) => tracing::error!(error = %e, "reminders pass failed"),
            }
            tokio::select! {
                () = woken.notified() => {}
                () = tokio::time::sleep(self.interval) => {}
            }
        }
        tracing::info!("reminders worker stopped");
    }
}
