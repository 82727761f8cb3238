/**
 * The regional ECR images SageMaker publishes for its built-in algorithms and for Model Monitor.
 *
 * Source: the SageMaker Python SDK's image registry table, `src/sagemaker/image_uri_config/`
 * (`xgboost.json`, section "inference"; `model-monitor.json`) in github.com/aws/sagemaker-python-sdk,
 * read 2026-12; the same accounts are listed in the SageMaker Developer Guide, "Docker Registry Paths
 * and Example Code". Each AWS region has its own account per image family; an image is
 * `<account>.dkr.ecr.<region>.<domain>/<repository>:<tag>`. Only the regions of the platform's own
 * region list (regions.ts) that the SDK names are here: a region missing from a row has no image.
 */

/** A family of images: its ECR repository and the account that owns it in each region. */
export interface ImageFamily {
    repository: string;
    registries: Readonly<Record<string, string>>;
}

// xgboost "1" is the original built-in algorithm image (the seed's `model_framework_version: "1"`).
const XGBOOST_LEGACY: ImageFamily = {
    repository: "xgboost",
    registries: {
        "af-south-1": "455444449433", "ap-east-1": "286214385809", "ap-northeast-1": "501404015308",
        "ap-northeast-2": "306986355934", "ap-northeast-3": "867004704886", "ap-south-1": "991648021394",
        "ap-south-2": "628508329040", "ap-southeast-1": "475088953585", "ap-southeast-2": "544295431143",
        "ap-southeast-3": "951798379941", "ap-southeast-4": "106583098589", "ca-central-1": "469771592824",
        "cn-north-1": "390948362332", "cn-northwest-1": "387376663083", "eu-central-1": "813361260812",
        "eu-central-2": "680994064768", "eu-north-1": "669576153137", "eu-south-1": "257386234256",
        "eu-south-2": "104374241257", "eu-west-1": "685385470294", "eu-west-2": "644912444149",
        "eu-west-3": "749696950732", "me-central-1": "272398656194", "me-south-1": "249704162688",
        "sa-east-1": "855470959533", "us-east-1": "811284229777", "us-east-2": "825641698319",
        "us-gov-east-1": "237065988967", "us-gov-west-1": "226302683700", "us-west-1": "632365934929",
        "us-west-2": "433757028032",
    },
};

// The open-source XGBoost container (versions "<xgboost>-<build>").
const XGBOOST_OPEN_SOURCE: ImageFamily = {
    repository: "sagemaker-xgboost",
    registries: {
        "af-south-1": "510948584623", "ap-east-1": "651117190479", "ap-northeast-1": "354813040037",
        "ap-northeast-2": "366743142698", "ap-northeast-3": "867004704886", "ap-south-1": "720646828776",
        "ap-south-2": "628508329040", "ap-southeast-1": "121021644041", "ap-southeast-2": "783357654285",
        "ap-southeast-3": "951798379941", "ap-southeast-4": "106583098589", "ca-central-1": "341280168497",
        "ca-west-1": "190319476487", "cn-north-1": "450853457545", "cn-northwest-1": "451049120500",
        "eu-central-1": "492215442770", "eu-central-2": "680994064768", "eu-north-1": "662702820516",
        "eu-south-1": "978288397137", "eu-south-2": "104374241257", "eu-west-1": "141502667606",
        "eu-west-2": "764974769150", "eu-west-3": "659782779980", "il-central-1": "898809789911",
        "me-central-1": "272398656194", "me-south-1": "801668240914", "sa-east-1": "737474898029",
        "us-east-1": "683313688378", "us-east-2": "257758044811", "us-gov-east-1": "237065988967",
        "us-gov-west-1": "414596584902", "us-west-1": "746614075791", "us-west-2": "246618743249",
    },
};

/** Built-in frameworks: framework -> version -> image family (the tag is the version). */
export const BUILTIN_IMAGES: Readonly<Record<string, Readonly<Record<string, ImageFamily>>>> = {
    xgboost: {
        "1": XGBOOST_LEGACY,
        "1.0-1": XGBOOST_OPEN_SOURCE,
        "1.2-1": XGBOOST_OPEN_SOURCE,
        "1.2-2": XGBOOST_OPEN_SOURCE,
        "1.3-1": XGBOOST_OPEN_SOURCE,
        "1.5-1": XGBOOST_OPEN_SOURCE,
        "1.7-1": XGBOOST_OPEN_SOURCE,
        "2.1-0": XGBOOST_OPEN_SOURCE,
    },
};

/** Model Monitor's analyzer image (data quality and model quality jobs), tag "latest". */
export const MODEL_MONITOR_IMAGE: ImageFamily = {
    repository: "sagemaker-model-monitor-analyzer",
    registries: {
        "eu-north-1": "895015795356", "me-south-1": "607024016150", "ap-south-1": "126357580389",
        "us-east-2": "777275614652", "eu-west-1": "468650794304", "eu-central-1": "048819808253",
        "sa-east-1": "539772159869", "ap-east-1": "001633400207", "us-east-1": "156813124566",
        "ap-northeast-2": "709848358524", "eu-west-2": "749857270468", "eu-west-3": "680080141114",
        "ap-northeast-1": "574779866223", "us-west-2": "159807026194", "us-west-1": "890145073186",
        "ap-southeast-1": "245545462676", "ap-southeast-2": "563025443158", "ca-central-1": "536280801234",
        "cn-north-1": "453000072557", "cn-northwest-1": "453252182341",
    },
};

/** ECR's DNS suffix: China regions answer under amazonaws.com.cn. */
function ecrDomain(region: string): string {
    return region.startsWith("cn-") ? "amazonaws.com.cn" : "amazonaws.com";
}

/** An image of a family in a region, or a sentence saying why there is none. */
export function imageUriOf(family: ImageFamily, region: string, tag: string): string | { problem: string } {
    const account = Object.hasOwn(family.registries, region) ? family.registries[region] : undefined;
    if (account === undefined) {
        return { problem: `expected a region where SageMaker publishes ${family.repository} (${Object.keys(family.registries).sort().join(", ")}), found "${region}"` };
    }
    return `${account}.dkr.ecr.${region}.${ecrDomain(region)}/${family.repository}:${tag}`;
}

/** What a problem with a built-in framework is about: the key of the config it names. */
export type BuiltinImageProblem = { key: "framework" | "frameworkVersion" | "region"; message: string };

/** The built-in image URI of `framework` `version` in `region`, or the problem naming the key at fault. */
export function builtinImageUri(framework: string, version: string, region: string): string | BuiltinImageProblem {
    const versions = Object.hasOwn(BUILTIN_IMAGES, framework) ? BUILTIN_IMAGES[framework] : undefined;
    if (versions === undefined) {
        return { key: "framework", message: `expected a built-in framework (${Object.keys(BUILTIN_IMAGES).join(", ")}), found "${framework}"` };
    }
    const family = Object.hasOwn(versions, version) ? versions[version] : undefined;
    if (family === undefined) {
        return { key: "frameworkVersion", message: `expected a version of ${framework} (${Object.keys(versions).join(", ")}), found "${version}"` };
    }
    const uri = imageUriOf(family, region, version);
    return typeof uri === "string" ? uri : { key: "region", message: uri.problem.replace(family.repository, `${family.repository}:${version} (${framework} ${version})`) };
}

/** Model Monitor's analyzer image in `region`, or the problem. */
export function modelMonitorImageUri(region: string): string | { problem: string } {
    return imageUriOf(MODEL_MONITOR_IMAGE, region, "latest");
}
