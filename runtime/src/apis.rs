//! The runtime APIs: what the node and the clients call into.

use alloc::{collections::btree_map::BTreeMap, vec::Vec};
use frame_support::{
	genesis_builder_helper::{build_state, get_preset},
	weights::Weight,
};
use pallet_grandpa::AuthorityId as GrandpaId;
use sp_api::impl_runtime_apis;
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_core::{crypto::KeyTypeId, OpaqueMetadata};
use sp_runtime::{
	traits::{Block as BlockT, NumberFor},
	transaction_validity::{TransactionSource, TransactionValidity},
	ApplyExtrinsicResult,
};
use sp_version::RuntimeVersion;
use subtensor_runtime_api as st_api;

use super::{
	AccountId, Aura, Balance, Block, Executive, Grandpa, InherentDataExt, Nonce, Runtime,
	RuntimeCall, RuntimeGenesisConfig, SessionKeys, SubtensorModule, System, TransactionPayment,
	VERSION,
};

impl_runtime_apis! {
	impl sp_api::Core<Block> for Runtime {
		fn version() -> RuntimeVersion {
			VERSION
		}

		fn execute_block(block: <Block as BlockT>::LazyBlock) {
			Executive::execute_block(block);
		}

		fn initialize_block(header: &<Block as BlockT>::Header) -> sp_runtime::ExtrinsicInclusionMode {
			Executive::initialize_block(header)
		}
	}

	impl sp_api::Metadata<Block> for Runtime {
		fn metadata() -> OpaqueMetadata {
			OpaqueMetadata::new(Runtime::metadata().into())
		}

		fn metadata_at_version(version: u32) -> Option<OpaqueMetadata> {
			Runtime::metadata_at_version(version)
		}

		fn metadata_versions() -> Vec<u32> {
			Runtime::metadata_versions()
		}
	}

	impl sp_block_builder::BlockBuilder<Block> for Runtime {
		fn apply_extrinsic(extrinsic: <Block as BlockT>::Extrinsic) -> ApplyExtrinsicResult {
			Executive::apply_extrinsic(extrinsic)
		}

		fn finalize_block() -> <Block as BlockT>::Header {
			Executive::finalize_block()
		}

		fn inherent_extrinsics(data: sp_inherents::InherentData) -> Vec<<Block as BlockT>::Extrinsic> {
			data.create_extrinsics()
		}

		fn check_inherents(
			block: <Block as BlockT>::LazyBlock,
			data: sp_inherents::InherentData,
		) -> sp_inherents::CheckInherentsResult {
			data.check_extrinsics(&block)
		}
	}

	impl sp_transaction_pool::runtime_api::TaggedTransactionQueue<Block> for Runtime {
		fn validate_transaction(
			source: TransactionSource,
			tx: <Block as BlockT>::Extrinsic,
			block_hash: <Block as BlockT>::Hash,
		) -> TransactionValidity {
			Executive::validate_transaction(source, tx, block_hash)
		}
	}

	impl sp_offchain::OffchainWorkerApi<Block> for Runtime {
		fn offchain_worker(header: &<Block as BlockT>::Header) {
			Executive::offchain_worker(header)
		}
	}

	impl sp_consensus_aura::AuraApi<Block, AuraId> for Runtime {
		fn slot_duration() -> sp_consensus_aura::SlotDuration {
			sp_consensus_aura::SlotDuration::from_millis(Aura::slot_duration())
		}

		fn authorities() -> Vec<AuraId> {
			pallet_aura::Authorities::<Runtime>::get().into_inner()
		}
	}

	impl sp_session::SessionKeys<Block> for Runtime {
		fn generate_session_keys(
			owner: Vec<u8>,
			seed: Option<Vec<u8>>,
		) -> sp_session::OpaqueGeneratedSessionKeys {
			SessionKeys::generate(&owner, seed).into()
		}

		fn decode_session_keys(encoded: Vec<u8>) -> Option<Vec<(Vec<u8>, KeyTypeId)>> {
			SessionKeys::decode_into_raw_public_keys(&encoded)
		}
	}

	impl sp_consensus_grandpa::GrandpaApi<Block> for Runtime {
		fn grandpa_authorities() -> sp_consensus_grandpa::AuthorityList {
			Grandpa::grandpa_authorities()
		}

		fn current_set_id() -> sp_consensus_grandpa::SetId {
			Grandpa::current_set_id()
		}

		fn submit_report_equivocation_unsigned_extrinsic(
			_equivocation_proof: sp_consensus_grandpa::EquivocationProof<
				<Block as BlockT>::Hash,
				NumberFor<Block>,
			>,
			_key_owner_proof: sp_consensus_grandpa::OpaqueKeyOwnershipProof,
		) -> Option<()> {
			// Equivocation reports are not used on this proof-of-authority chain.
			None
		}

		fn generate_key_ownership_proof(
			_set_id: sp_consensus_grandpa::SetId,
			_authority_id: GrandpaId,
		) -> Option<sp_consensus_grandpa::OpaqueKeyOwnershipProof> {
			// The key-owner proof type is uninhabited (`sp_core::Void`): there is none to make.
			None
		}
	}

	impl frame_system_rpc_runtime_api::AccountNonceApi<Block, AccountId, Nonce> for Runtime {
		fn account_nonce(account: AccountId) -> Nonce {
			System::account_nonce(account)
		}
	}

	impl pallet_transaction_payment_rpc_runtime_api::TransactionPaymentApi<Block, Balance> for Runtime {
		fn query_info(
			uxt: <Block as BlockT>::Extrinsic,
			len: u32,
		) -> pallet_transaction_payment_rpc_runtime_api::RuntimeDispatchInfo<Balance> {
			TransactionPayment::query_info(uxt, len)
		}
		fn query_fee_details(
			uxt: <Block as BlockT>::Extrinsic,
			len: u32,
		) -> pallet_transaction_payment::FeeDetails<Balance> {
			TransactionPayment::query_fee_details(uxt, len)
		}
		fn query_weight_to_fee(weight: Weight) -> Balance {
			TransactionPayment::weight_to_fee(weight)
		}
		fn query_length_to_fee(length: u32) -> Balance {
			TransactionPayment::length_to_fee(length)
		}
	}

	impl pallet_transaction_payment_rpc_runtime_api::TransactionPaymentCallApi<Block, Balance, RuntimeCall>
		for Runtime
	{
		fn query_call_info(
			call: RuntimeCall,
			len: u32,
		) -> pallet_transaction_payment::RuntimeDispatchInfo<Balance> {
			TransactionPayment::query_call_info(call, len)
		}
		fn query_call_fee_details(
			call: RuntimeCall,
			len: u32,
		) -> pallet_transaction_payment::FeeDetails<Balance> {
			TransactionPayment::query_call_fee_details(call, len)
		}
		fn query_weight_to_fee(weight: Weight) -> Balance {
			TransactionPayment::weight_to_fee(weight)
		}
		fn query_length_to_fee(length: u32) -> Balance {
			TransactionPayment::length_to_fee(length)
		}
	}

	impl subtensor_runtime_api::SubnetRegistrationRuntimeApi<Block> for Runtime {
		fn get_network_registration_cost() -> u64 {
			SubtensorModule::get_network_lock_cost()
		}
	}

	impl subtensor_runtime_api::NeuronInfoRuntimeApi<Block, AccountId> for Runtime {
		fn get_neurons(netuid: u16) -> Vec<subtensor_runtime_api::NeuronInfo<AccountId>> {
			SubtensorModule::get_neurons(netuid)
		}
		fn get_neuron(netuid: u16, uid: u16) -> Option<subtensor_runtime_api::NeuronInfo<AccountId>> {
			SubtensorModule::get_neuron(netuid, uid)
		}
		fn get_neurons_lite(netuid: u16) -> Vec<subtensor_runtime_api::NeuronInfoLite<AccountId>> {
			SubtensorModule::get_neurons_lite(netuid)
		}
		fn get_neuron_lite(
			netuid: u16,
			uid: u16,
		) -> Option<subtensor_runtime_api::NeuronInfoLite<AccountId>> {
			SubtensorModule::get_neuron_lite(netuid, uid)
		}
	}

	// Version 2: `get_subnet_hyperparams_v3` is declared `#[api_version(2)]`, as in the reference.
	#[api_version(2)]
	impl subtensor_runtime_api::SubnetInfoRuntimeApi<Block, AccountId> for Runtime {
		fn get_subnet_info(netuid: u16) -> Option<st_api::SubnetInfo<AccountId>> {
			SubtensorModule::get_subnet_info(netuid)
		}
		fn get_subnets_info() -> Vec<Option<st_api::SubnetInfo<AccountId>>> {
			SubtensorModule::get_subnets_info()
		}
		fn get_subnet_info_v2(netuid: u16) -> Option<st_api::SubnetInfov2<AccountId>> {
			SubtensorModule::get_subnet_info_v2(netuid)
		}
		fn get_subnets_info_v2() -> Vec<Option<st_api::SubnetInfov2<AccountId>>> {
			SubtensorModule::get_subnets_info_v2()
		}
		fn get_subnet_hyperparams(netuid: u16) -> Option<st_api::SubnetHyperparams> {
			SubtensorModule::get_subnet_hyperparams(netuid)
		}
		fn get_subnet_hyperparams_v2(netuid: u16) -> Option<st_api::SubnetHyperparamsV2> {
			SubtensorModule::get_subnet_hyperparams_v2(netuid)
		}
		fn get_subnet_hyperparams_v3(netuid: u16) -> Option<st_api::SubnetHyperparamsV3> {
			SubtensorModule::get_subnet_hyperparams_v3(netuid)
		}
		fn get_all_dynamic_info() -> Vec<Option<st_api::DynamicInfo<AccountId>>> {
			SubtensorModule::get_all_dynamic_info()
		}
		fn get_all_metagraphs() -> Vec<Option<st_api::Metagraph<AccountId>>> {
			SubtensorModule::get_all_metagraphs()
		}
		fn get_metagraph(netuid: u16) -> Option<st_api::Metagraph<AccountId>> {
			SubtensorModule::get_metagraph(netuid)
		}
		fn get_all_mechagraphs() -> Vec<Option<st_api::Metagraph<AccountId>>> {
			SubtensorModule::get_all_mechagraphs()
		}
		fn get_mechagraph(netuid: u16, mecid: u8) -> Option<st_api::Metagraph<AccountId>> {
			SubtensorModule::get_mechagraph(netuid, mecid)
		}
		fn get_dynamic_info(netuid: u16) -> Option<st_api::DynamicInfo<AccountId>> {
			SubtensorModule::get_dynamic_info(netuid)
		}
		fn get_subnet_state(netuid: u16) -> Option<st_api::SubnetState<AccountId>> {
			SubtensorModule::get_subnet_state(netuid)
		}
		fn get_selective_metagraph(
			netuid: u16,
			metagraph_indexes: Vec<u16>,
		) -> Option<st_api::SelectiveMetagraph<AccountId>> {
			SubtensorModule::get_selective_metagraph(netuid, metagraph_indexes)
		}
		fn get_coldkey_auto_stake_hotkey(coldkey: AccountId, netuid: u16) -> Option<AccountId> {
			SubtensorModule::get_coldkey_auto_stake_hotkey(&coldkey, netuid)
		}
		fn get_selective_mechagraph(
			netuid: u16,
			subid: u8,
			metagraph_indexes: Vec<u16>,
		) -> Option<st_api::SelectiveMetagraph<AccountId>> {
			SubtensorModule::get_selective_mechagraph(netuid, subid, metagraph_indexes)
		}
		fn get_subnet_to_prune() -> Option<u16> {
			SubtensorModule::get_subnet_to_prune()
		}
		fn get_next_epoch_start_block(netuid: u16) -> Option<u64> {
			if !SubtensorModule::subnet_exists(netuid) {
				return None;
			}
			let block = SubtensorModule::current_block();
			let tempo = pallet_subtensor::Tempo::<Runtime>::get(netuid);
			// The next block's epoch at the earliest: this block's has run already.
			let next = block.saturating_add(1);
			SubtensorModule::blocks_until_next_epoch(netuid, tempo, next)
				.map(|wait| next.saturating_add(wait))
		}
	}

	impl subtensor_runtime_api::StakeInfoRuntimeApi<Block, AccountId> for Runtime {
		fn get_stake_info_for_coldkey(coldkey_account: AccountId) -> Vec<st_api::StakeInfo<AccountId>> {
			SubtensorModule::get_stake_info_for_coldkey(&coldkey_account)
		}
		fn get_stake_info_for_coldkeys(
			coldkey_accounts: Vec<AccountId>,
		) -> Vec<st_api::ColdkeyStakeInfo<AccountId>> {
			SubtensorModule::get_stake_info_for_coldkeys(coldkey_accounts)
		}
		fn get_stake_info_for_hotkey_coldkey_netuid(
			hotkey_account: AccountId,
			coldkey_account: AccountId,
			netuid: u16,
		) -> Option<st_api::StakeInfo<AccountId>> {
			SubtensorModule::get_stake_info_for_hotkey_coldkey_netuid(
				&hotkey_account,
				&coldkey_account,
				netuid,
			)
		}
		fn get_stake_availability_for_coldkeys(
			coldkey_accounts: Vec<AccountId>,
			netuids: Option<Vec<u16>>,
		) -> BTreeMap<AccountId, BTreeMap<u16, st_api::StakeAvailability>> {
			SubtensorModule::get_stake_availability_for_coldkeys(coldkey_accounts, netuids)
		}
		fn get_stake_fee(
			origin: Option<(AccountId, u16)>,
			origin_coldkey_account: AccountId,
			destination: Option<(AccountId, u16)>,
			destination_coldkey_account: AccountId,
			amount: u64,
		) -> u64 {
			SubtensorModule::get_stake_fee(
				origin,
				origin_coldkey_account,
				destination,
				destination_coldkey_account,
				amount,
			)
		}
		fn get_coldkey_lock(coldkey: AccountId, netuid: u16) -> Option<st_api::LockState> {
			SubtensorModule::get_coldkey_lock(&coldkey, netuid)
		}
		fn get_hotkey_conviction(
			hotkey: AccountId,
			netuid: u16,
		) -> pallet_subtensor::substrate_fixed::types::U64F64 {
			SubtensorModule::get_hotkey_conviction(&hotkey, netuid)
		}
		fn get_most_convicted_hotkey_on_subnet(netuid: u16) -> Option<AccountId> {
			SubtensorModule::get_most_convicted_hotkey_on_subnet(netuid)
		}
	}

	impl subtensor_runtime_api::DelegateInfoRuntimeApi<Block, AccountId> for Runtime {
		fn get_delegates() -> Vec<st_api::DelegateInfo<AccountId>> {
			SubtensorModule::get_delegates()
		}
		fn get_delegate(delegate_account: AccountId) -> Option<st_api::DelegateInfo<AccountId>> {
			SubtensorModule::get_delegate(&delegate_account)
		}
		fn get_delegated(
			delegatee_account: AccountId,
		) -> Vec<st_api::DelegatedStake<AccountId>> {
			SubtensorModule::get_delegated(&delegatee_account)
		}
	}

	impl subtensor_runtime_api::ProxyFilterRuntimeApi<Block> for Runtime {
		fn get_proxy_types() -> Vec<subtensor_runtime_api::ProxyTypeInfo> {
			crate::proxy::proxy_type_infos()
		}

		fn get_proxy_filter(proxy_type: Option<u8>) -> Vec<subtensor_runtime_api::ProxyFilterInfo> {
			crate::proxy::proxy_filter_infos(proxy_type)
		}
	}

	impl subtensor_runtime_api::SwapRuntimeApi<Block> for Runtime {
		fn current_alpha_price(netuid: u16) -> u64 {
			if SubtensorModule::subnet_exists(netuid) {
				SubtensorModule::current_alpha_price(netuid)
			} else {
				0
			}
		}
		fn current_alpha_price_all() -> Vec<subtensor_runtime_api::SubnetPrice> {
			SubtensorModule::current_alpha_price_all()
		}
		fn sim_swap_tao_for_alpha(netuid: u16, tao: u64) -> subtensor_runtime_api::SimSwapResult {
			SubtensorModule::sim_swap_tao_for_alpha(netuid, tao)
		}
		fn sim_swap_alpha_for_tao(netuid: u16, alpha: u64) -> subtensor_runtime_api::SimSwapResult {
			SubtensorModule::sim_swap_alpha_for_tao(netuid, alpha)
		}
	}

	#[cfg(feature = "runtime-benchmarks")]
	impl frame_benchmarking::Benchmark<Block> for Runtime {
		fn benchmark_metadata(extra: bool) -> (
			Vec<frame_benchmarking::BenchmarkList>,
			Vec<frame_support::traits::StorageInfo>,
		) {
			use frame_benchmarking::{baseline, BenchmarkList};
			use frame_support::traits::StorageInfoTrait;
			use frame_system_benchmarking::Pallet as SystemBench;
			use baseline::Pallet as BaselineBench;
			use super::*;

			let mut list = Vec::<BenchmarkList>::new();
			list_benchmarks!(list, extra);
			let storage_info = AllPalletsWithSystem::storage_info();
			(list, storage_info)
		}

		fn dispatch_benchmark(
			config: frame_benchmarking::BenchmarkConfig
		) -> Result<Vec<frame_benchmarking::BenchmarkBatch>, alloc::string::String> {
			use frame_benchmarking::{baseline, BenchmarkBatch};
			use sp_storage::TrackedStorageKey;
			use frame_system_benchmarking::Pallet as SystemBench;
			use baseline::Pallet as BaselineBench;
			use frame_support::traits::WhitelistedStorageKeys;
			use super::*;

			let whitelist: Vec<TrackedStorageKey> = AllPalletsWithSystem::whitelisted_storage_keys();
			let mut batches = Vec::<BenchmarkBatch>::new();
			let params = (&config, &whitelist);
			add_benchmarks!(params, batches);
			Ok(batches)
		}
	}

	#[cfg(feature = "try-runtime")]
	impl frame_try_runtime::TryRuntime<Block> for Runtime {
		fn on_runtime_upgrade(checks: frame_try_runtime::UpgradeCheckSelect) -> (Weight, Weight) {
			// try-runtime is an off-chain tool: failing loudly with the error is what it is for.
			#[allow(clippy::unwrap_used)]
			let weight = Executive::try_runtime_upgrade(checks).unwrap();
			(weight, super::configs::RuntimeBlockWeights::get().max_block)
		}

		fn execute_block(
			block: <Block as BlockT>::LazyBlock,
			state_root_check: bool,
			signature_check: bool,
			select: frame_try_runtime::TryStateSelect
		) -> Weight {
			// try-runtime is an off-chain tool: failing loudly with the error is what it is for.
			#[allow(clippy::expect_used)]
			Executive::try_execute_block(block, state_root_check, signature_check, select)
				.expect("execute-block failed")
		}
	}

	impl sp_genesis_builder::GenesisBuilder<Block> for Runtime {
		fn build_state(config: Vec<u8>) -> sp_genesis_builder::Result {
			build_state::<RuntimeGenesisConfig>(config)
		}

		fn get_preset(id: &Option<sp_genesis_builder::PresetId>) -> Option<Vec<u8>> {
			get_preset::<RuntimeGenesisConfig>(id, crate::genesis_config_presets::get_preset)
		}

		fn preset_names() -> Vec<sp_genesis_builder::PresetId> {
			crate::genesis_config_presets::preset_names()
		}
	}
}

// The benchmark pallets' configs, at module level (an `impl` inside `dispatch_benchmark` is a
// non-local definition).
#[cfg(feature = "runtime-benchmarks")]
impl frame_system_benchmarking::Config for crate::Runtime {}
#[cfg(feature = "runtime-benchmarks")]
impl frame_benchmarking::baseline::Config for crate::Runtime {}
