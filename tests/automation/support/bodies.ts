/**
 * The seed article's two orchestrator bodies with their placeholders filled in
 * (`<bucket-name>/<prefix>` -> a bucket and prefix; the monitor's `""my-model-name""` -> a string).
 */
export const ASSETS_BUCKET = "mlops-assets-123456789012";

export const REALTIME_BUILTIN_BODY = {
    pipeline_type: "byom_realtime_builtin",
    model_framework: "xgboost",
    model_framework_version: "1",
    model_name: "my-model-name",
    model_artifact_location: "path/to/model.tar.gz",
    data_capture_location: "mlops-data-123456789012/datacapture",
    inference_instance: "ml.m5.large",
    endpoint_name: "custom-endpoint-name",
};

export const DATA_QUALITY_MONITOR_BODY = {
    pipeline_type: "byom_data_quality_monitor",
    model_name: "my-model-name",
    endpoint_name: "xgb-churn-prediction-endpoint",
    baseline_data: "path/to/data_with_header.csv",
    baseline_job_output_location: "mlops-data-123456789012/baseline",
    data_capture_location: "mlops-data-123456789012/datacapture",
    monitoring_output_location: "mlops-data-123456789012/monitoring",
    schedule_expression: "cron(0 * ? * * *)",
    instance_type: "ml.m5.large",
    instance_volume_size: "20",
    baseline_max_runtime_seconds: "3300",
    monitor_max_runtime_seconds: "3300",
};

export const REALTIME_CUSTOM_BODY = {
    pipeline_type: "byom_realtime_custom",
    model_name: "my-custom-model",
    custom_image_uri: "123456789012.dkr.ecr.us-east-1.amazonaws.com/my-algorithm:1.0",
    model_artifact_location: "s3://mlops-assets-123456789012/custom/model.tar.gz",
    data_capture_location: "s3://mlops-data-123456789012/datacapture",
    inference_instance: "ml.c5.xlarge",
};

export const MODEL_QUALITY_MONITOR_BODY = {
    pipeline_type: "byom_model_quality_monitor",
    model_name: "my-model-name",
    endpoint_name: "xgb-churn-prediction-endpoint",
    baseline_data: "path/to/baseline_with_predictions.csv",
    baseline_job_output_location: "mlops-data-123456789012/mq-baseline",
    data_capture_location: "mlops-data-123456789012/datacapture",
    monitoring_output_location: "mlops-data-123456789012/mq-monitoring",
    schedule_expression: "cron(0 * ? * * *)",
    instance_type: "ml.m5.large",
    instance_volume_size: 20,
    monitor_max_runtime_seconds: 1800,
    problem_type: "BinaryClassification",
    baseline_inference_attribute: "prediction",
    baseline_ground_truth_attribute: "label",
    baseline_probability_attribute: "probability",
    monitor_ground_truth_input: "mlops-data-123456789012/ground-truth",
    monitor_inference_attribute: "0",
    monitor_probability_attribute: "0",
    probability_threshold_attribute: "0.5",
};
