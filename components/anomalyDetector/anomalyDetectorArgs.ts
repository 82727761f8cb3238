import * as pulumi from "@pulumi/pulumi";
import type { DetectorConfig } from "../../config/anomalyDetector";
import { DataProtection } from "../common/dataProtection";
import { Placement } from "../common/naming";

/** Where a detector's CSV files are. */
export interface DetectorSource {
    bucketName: pulumi.Input<string>;
    bucketArn: pulumi.Input<string>;
    /** "" or ending with "/". */
    prefix: string;
    /** The key the objects are encrypted with (SSE-KMS), read through S3 only. */
    kmsKeyArn?: pulumi.Input<string>;
}

export interface AnomalyDetectorArgs {
    placement: Placement;
    region: string;
    /** The detector as the stack config states it (config/anomalyDetector.ts). */
    detector: DetectorConfig;
    source: DetectorSource;
    logRetentionDays: number;
    kmsDeletionWindowDays: number;
    /** Whether the stack keeps data: the detector's keys are then protected. */
    protection: DataProtection;
}
