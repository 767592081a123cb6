/**
 * The names the local ingest gives the AWS resources it stands in for. The account is the
 * reserved all-zero one and the region is fixed, so nobody mistakes them for real resources.
 */
export const LOCAL_REGION = 'us-east-1';
const LOCAL_ACCOUNT = '000000000000';

export const LOCAL_DELIVERY_STREAM_ARN = `arn:aws:firehose:${LOCAL_REGION}:${LOCAL_ACCOUNT}:deliverystream/orderfeed-local`;

export const LOCAL_LAMBDA_ARN = `arn:aws:lambda:${LOCAL_REGION}:${LOCAL_ACCOUNT}:function:orderfeed-transform-local`;

export const LOCAL_SOURCE_STREAM_ARN = `arn:aws:kinesis:${LOCAL_REGION}:${LOCAL_ACCOUNT}:stream/orderfeed-local`;
