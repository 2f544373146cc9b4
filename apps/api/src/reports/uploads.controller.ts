import {
  Controller,
  Get,
  Header,
  Param,
  ParseIntPipe,
  Post,
  StreamableFile,
  Query,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import {
  API_ERRORS,
  cleanFileName,
  fileExtension,
  WORKBOOK_FILE_TYPES,
  workbookExtensionsText,
  type ApiErrorCode,
  type ImportResult,
} from '@profmonitor/domain';
import { assertOrganization } from '../accounts/access-policy';
import { Allow, CurrentUser, SignedIn } from '../accounts/access.decorators';
import type { Principal } from '../accounts/principal';
import { ApiErrors } from '../common/openapi';
import { RegistryChangesPastErrorDto, RegistryUploadQueryDto } from '../organizations/organizations.dto';
import { attachment, ProducesXlsx, xlsxDownload } from '../common/xlsx-download';
import { HistoryCompareService } from './history-compare.service';
import { HistoryService } from './history.service';
import {
  HistoryCompareQueryDto,
  HistoryQueryDto,
  ImportErrorDto,
  ImportResultDto,
  SheetCompareDto,
  SheetVersionDto,
  TemplateParamsDto,
  UploadDetailDto,
  UploadDto,
  UploadQueryDto,
  UploadsQueryDto,
} from './uploads.dto';
import { UploadsService, type ReceivedFile } from './uploads.service';
import { AppError } from '../common/app-error';

const FILE_BODY = {
  schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } }, required: ['file'] },
};
/**
 * The uploaded file as the services take it. Multer names files in latin1; browsers send UTF-8
 * (a Cyrillic file name would arrive garbled). The name is stored cleaned, as the contract says.
 */
function received(file: Express.Multer.File | undefined): ReceivedFile {
  if (!file)
    throw new AppError('file_missing', `Прикрепите файл (${workbookExtensionsText()}) в поле «file».`);
  const utf8 = Buffer.from(file.originalname, 'latin1').toString('utf8');
  const fileName = cleanFileName(utf8.includes('\uFFFD') ? file.originalname : utf8);
  return { path: file.path, fileName, temporary: true };
}

/** The error of a refused file, by why it was refused. */
const REFUSED: Record<NonNullable<ImportResult['refused']>, ApiErrorCode> = {
  organization: 'import_refused',
  kind: 'import_refused',
  locked: 'report_locked',
  closed: 'period_closed',
};

/**
 * The answer to an upload: 201 with the result when anything was stored (or it was a repeat);
 * otherwise the result inside an error — 403 when the sender may not upload it, 423 when the
 * report is accepted or the period's collection closed, 422 when the file has mistakes.
 */
function answer(result: ImportResult): ImportResult {
  if (result.outcome !== 'rejected') return result;
  const code = result.refused ? REFUSED[result.refused] : 'import_rejected';
  throw new AppError(code, result.errors[0]?.message ?? API_ERRORS[code].message, { result });
}

@ApiTags('uploads')
@Controller()
export class UploadsController {
  constructor(
    private readonly uploads: UploadsService,
    private readonly history: HistoryService,
    private readonly historyCompare: HistoryCompareService,
  ) {}

  @Post('uploads')
  @SignedIn()
  @UseInterceptors(FileInterceptor('file'))
  @ApiConsumes('multipart/form-data')
  @ApiBody(FILE_BODY)
  @ApiOperation({ summary: 'Upload a workbook: a school’s report or the labor demand' })
  @ApiCreatedResponse({ type: ImportResultDto, description: 'Something was stored, or the file repeats it' })
  @ApiErrors('import_refused', 'import_rejected', 'report_locked', 'period_closed', { body: ImportErrorDto })
  // A school or an employment center giving the committee's options (reason, receivedAt).
  @ApiErrors('role_forbidden')
  async upload(
    @UploadedFile() file: Express.Multer.File | undefined,
    @Query() query: UploadQueryDto,
    @CurrentUser() user: Principal,
  ) {
    return answer(await this.uploads.receive(received(file), user, query));
  }

  @Post('registry')
  @Allow('region', 'committee')
  @UseInterceptors(FileInterceptor('file'))
  @ApiConsumes('multipart/form-data')
  @ApiBody(FILE_BODY)
  @ApiOperation({
    summary: 'Upload the registry of organizations (a bound committee: its municipality’s rows)',
  })
  @ApiCreatedResponse({ type: ImportResultDto })
  @ApiErrors('import_refused', 'import_rejected', { body: ImportErrorDto })
  @ApiErrors('registry_changes_past', { body: RegistryChangesPastErrorDto })
  async registry(
    @UploadedFile() file: Express.Multer.File | undefined,
    @Query() query: RegistryUploadQueryDto,
    @CurrentUser() user: Principal,
  ) {
    return answer(await this.uploads.receiveRegistry(received(file), user, query.confirm === 'true'));
  }

  @Get('uploads')
  @SignedIn()
  @ApiOperation({ summary: 'The uploads the account may see, newest first' })
  @ApiOkResponse({ type: [UploadDto] })
  @ApiErrors('organization_forbidden')
  list(@Query() query: UploadsQueryDto, @CurrentUser() user: Principal) {
    return this.uploads.list(query, user);
  }

  @Get('uploads/:id')
  @SignedIn()
  @ApiOperation({ summary: 'One upload with its full result' })
  @ApiOkResponse({ type: UploadDetailDto })
  @ApiErrors('upload_not_found')
  get(@Param('id', ParseIntPipe) id: number, @CurrentUser() user: Principal) {
    return this.uploads.get(id, user);
  }

  @Get('uploads/:id/file')
  @SignedIn()
  @ApiOperation({ summary: 'The original file of an upload, as it was sent (who may see the upload)' })
  @ApiProduces(...WORKBOOK_FILE_TYPES.map((type) => type.mimeType), 'application/octet-stream')
  @ApiOkResponse({
    description: 'The file, named as it was stored',
    schema: { type: 'string', format: 'binary' },
  })
  @ApiErrors('upload_not_found', 'upload_file_missing')
  // Another organization's report: no shared cache may keep it.
  @Header('Cache-Control', 'private, no-store')
  async original(@Param('id', ParseIntPipe) id: number, @CurrentUser() user: Principal) {
    const { stream, size, fileName } = await this.uploads.original(id, user);
    const type = WORKBOOK_FILE_TYPES.find((t) => t.extension === fileExtension(fileName));
    return new StreamableFile(stream, {
      type: type?.mimeType ?? 'application/octet-stream',
      length: size,
      disposition: attachment(fileName),
    });
  }

  @Get('history')
  @Allow('region', 'committee', 'school')
  @ApiOperation({ summary: 'Every version of each sheet an organization sent for the period' })
  @ApiOkResponse({ type: [SheetVersionDto] })
  @ApiErrors('organization_forbidden', 'organization_not_found')
  versions(@Query() query: HistoryQueryDto, @CurrentUser() user: Principal) {
    assertOrganization(user, query.org);
    return this.history.versions(query.org, query.period);
  }

  @Get('history/compare')
  @Allow('region', 'committee', 'school')
  @ApiOperation({
    summary: 'Rows added, removed and changed between two versions of a sheet, and the indicators that moved',
  })
  @ApiOkResponse({ type: SheetCompareDto })
  @ApiErrors(
    'organization_forbidden',
    'organization_not_found',
    'period_not_found',
    'version_not_found',
    'version_mismatch',
  )
  compare(@Query() query: HistoryCompareQueryDto, @CurrentUser() user: Principal) {
    return this.historyCompare.compare(query, user);
  }

  @Get('templates/:kind')
  @SignedIn()
  @ApiOperation({ summary: 'A workbook to fill in: a school’s own comes with its code and period' })
  @ProducesXlsx()
  // A school's template carries its organization: no shared cache may keep it.
  @Header('Cache-Control', 'private, no-store')
  async template(@Param() { kind }: TemplateParamsDto, @CurrentUser() user: Principal) {
    const { content, fileName } = await this.uploads.template(kind, user);
    return xlsxDownload(content, fileName);
  }
}
