//! The transaction pool as the block proposer sees it.
//!
//! `sc-basic-authorship` waits 1/8 of its proposal time for the pool to catch up with the parent
//! block, then takes the ready set of the nearest view it has; with 250 ms slots that is ~20 ms.
//! When the pool falls behind (a debug node under a flood of thousands of transactions), the
//! proposer is handed transactions the parent already included, reports them `Invalid(Stale)`,
//! and the fork-aware pool then removes each one's subtree — every later nonce of its sender —
//! from the view. Those transactions are accepted but never included (BENCHMARKS.md, "Where the
//! accepted transactions go").
//!
//! This wrapper changes two things for the proposer only (RPC, networking and the offchain
//! workers use the pool itself):
//!
//! - it waits at least [`MIN_READY_WAIT`] for the pool's view of the parent;
//! - it does not report `Stale` transactions to the pool: a stale transaction is one the chain
//!   already included, which the pool's own maintenance prunes when it sees that block; only
//!   other invalidity (bad proof, payment, …) is reported and removes the transaction.

use std::{collections::HashMap, pin::Pin, sync::Arc, time::Duration};

use async_trait::async_trait;
use sc_transaction_pool_api::{
	ImportNotificationStream, PoolStatus, ReadyTransactions, TransactionFor, TransactionPool,
	TransactionSource, TransactionStatusStreamFor, TxHash, TxInvalidityReportMap,
};
use sp_runtime::{
	traits::Block as BlockT,
	transaction_validity::{InvalidTransaction, TransactionValidityError},
};

/// The shortest time the proposer waits for the pool's view of the parent block.
pub const MIN_READY_WAIT: Duration = Duration::from_millis(60);

/// The pool `P`, as handed to the block proposer. See the module documentation.
pub struct ProposerPool<P>(pub Arc<P>);

#[async_trait]
impl<P: TransactionPool> TransactionPool for ProposerPool<P> {
	type Block = P::Block;
	type Hash = P::Hash;
	type InPoolTransaction = P::InPoolTransaction;
	type Error = P::Error;

	async fn submit_at(
		&self,
		at: <Self::Block as BlockT>::Hash,
		source: TransactionSource,
		xts: Vec<TransactionFor<Self>>,
	) -> Result<Vec<Result<TxHash<Self>, Self::Error>>, Self::Error> {
		self.0.submit_at(at, source, xts).await
	}

	async fn submit_one(
		&self,
		at: <Self::Block as BlockT>::Hash,
		source: TransactionSource,
		xt: TransactionFor<Self>,
	) -> Result<TxHash<Self>, Self::Error> {
		self.0.submit_one(at, source, xt).await
	}

	async fn submit_and_watch(
		&self,
		at: <Self::Block as BlockT>::Hash,
		source: TransactionSource,
		xt: TransactionFor<Self>,
	) -> Result<Pin<Box<TransactionStatusStreamFor<Self>>>, Self::Error> {
		self.0.submit_and_watch(at, source, xt).await
	}

	async fn ready_at(
		&self,
		at: <Self::Block as BlockT>::Hash,
	) -> Box<dyn ReadyTransactions<Item = Arc<Self::InPoolTransaction>> + Send> {
		self.0.ready_at(at).await
	}

	fn ready(&self) -> Box<dyn ReadyTransactions<Item = Arc<Self::InPoolTransaction>> + Send> {
		self.0.ready()
	}

	async fn report_invalid(
		&self,
		at: Option<<Self::Block as BlockT>::Hash>,
		invalid_tx_errors: TxInvalidityReportMap<TxHash<Self>>,
	) -> Vec<Arc<Self::InPoolTransaction>> {
		let reported: TxInvalidityReportMap<TxHash<Self>> = invalid_tx_errors
			.into_iter()
			.filter(|(_, e)| {
				!matches!(e, Some(TransactionValidityError::Invalid(InvalidTransaction::Stale)))
			})
			.collect();
		if reported.is_empty() {
			return Vec::new();
		}
		self.0.report_invalid(at, reported).await
	}

	fn futures(&self) -> Vec<Self::InPoolTransaction> {
		self.0.futures()
	}

	fn status(&self) -> PoolStatus {
		self.0.status()
	}

	fn import_notification_stream(&self) -> ImportNotificationStream<TxHash<Self>> {
		self.0.import_notification_stream()
	}

	fn on_broadcasted(&self, propagations: HashMap<TxHash<Self>, Vec<String>>) {
		self.0.on_broadcasted(propagations)
	}

	fn hash_of(&self, xt: &TransactionFor<Self>) -> TxHash<Self> {
		self.0.hash_of(xt)
	}

	fn ready_transaction(&self, hash: &TxHash<Self>) -> Option<Arc<Self::InPoolTransaction>> {
		self.0.ready_transaction(hash)
	}

	async fn ready_at_with_timeout(
		&self,
		at: <Self::Block as BlockT>::Hash,
		timeout: Duration,
	) -> Box<dyn ReadyTransactions<Item = Arc<Self::InPoolTransaction>> + Send> {
		self.0.ready_at_with_timeout(at, timeout.max(MIN_READY_WAIT)).await
	}
}
