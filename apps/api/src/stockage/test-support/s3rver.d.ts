declare module "s3rver" {
  import type { AddressInfo } from "node:net";
  interface OptionsS3rver {
    address?: string;
    port?: number;
    directory: string;
    silent?: boolean;
    resetOnClose?: boolean;
    allowMismatchedSignatures?: boolean;
    vhostBuckets?: boolean;
    configureBuckets?: { name: string }[];
  }
  export default class S3rver {
    constructor(options: OptionsS3rver);
    run(): Promise<AddressInfo>;
    close(): Promise<void>;
  }
}
