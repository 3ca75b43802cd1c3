//! Plain data returned by the runtime APIs (clients.md §5.5), with the field names and order
//! clients index, and the pallet functions that compute them from storage. One module per
//! reference file:
//!
//! - `swap_info`: `SwapRuntimeApi` (prices and swap previews);
//! - `neuron_info`: `NeuronInfoRuntimeApi`;
//! - `dynamic_info`: `SubnetInfoRuntimeApi.get_dynamic_info` / `get_all_dynamic_info`;
//! - `subnet_info`: `SubnetInfoRuntimeApi` subnet summaries and hyperparameters (v1, v2, v3);
//! - `show_subnet`: `SubnetInfoRuntimeApi.get_subnet_state`;
//! - `metagraph`: `SubnetInfoRuntimeApi` metagraphs and mechagraphs, whole and selective;
//! - `stake_info`: `StakeInfoRuntimeApi`;
//! - `delegate_info`: `DelegateInfoRuntimeApi`;
//! - `proxy_filter`: `ProxyFilterRuntimeApi`'s shapes (filled by the runtime).

pub mod delegate_info;
pub mod dynamic_info;
pub mod metagraph;
pub mod neuron_info;
pub mod proxy_filter;
pub mod show_subnet;
pub mod stake_info;
pub mod subnet_info;
pub mod swap_info;

pub use delegate_info::DelegateInfo;
pub use dynamic_info::DynamicInfo;
pub use metagraph::{Metagraph, SelectiveMetagraph};
pub use neuron_info::{NeuronInfo, NeuronInfoLite};
pub use proxy_filter::{CallCondition, CallInfo, FilterMode, ProxyFilterInfo, ProxyTypeInfo};
pub use show_subnet::SubnetState;
pub use stake_info::{StakeAvailability, StakeInfo};
pub use subnet_info::{
	HyperparamEntry, HyperparamValue, SubnetHyperparams, SubnetHyperparamsV2, SubnetHyperparamsV3,
	SubnetInfo, SubnetInfov2,
};
pub use swap_info::{SimSwapResult, SubnetPrice};
