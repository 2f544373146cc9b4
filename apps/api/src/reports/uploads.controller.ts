import {
  Controller,
  Get,
  Header,
  Param,
  ParseIntPipe,
  Post,
  Query,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { API_ERRORS, cleanFileName, workbookExtensionsText, type ImportResult } from '@profmonitor/domain';
import { assertOrganization } from '../accounts/access-policy';
import { Allow, CurrentUser, SignedIn } from '../accounts/access.decorators';
import type { Principal } from '../accounts/principal';
import { ProducesXlsx, xlsxDownload } from '../common/xlsx-download';
import { HistoryService } from './history.service';
import {
  HistoryQueryDto,
  SheetVersionDto,
  TemplateParamsDto,
  UploadDto,
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

/**
 * The answer to an upload: 201 with the result when anything was stored (or it was a repeat);
 * otherwise the result inside an error — 403 when the sender may not upload it, 422 when the
 * file has mistakes.
 */
function answer(result: ImportResult): ImportResult {
  if (result.outcome !== 'rejected') return result;
  const code = result.refused ? 'import_refused' : 'import_rejected';
  throw new AppError(code, result.errors[0]?.message ?? API_ERRORS[code].message, { result });
}

@ApiTags('uploads')
@Controller()
export class UploadsController {
  constructor(
    private readonly uploads: UploadsService,
    private readonly history: HistoryService,
  ) {}

  @Post('uploads')
  @SignedIn()
  @UseInterceptors(FileInterceptor('file'))
  @ApiConsumes('multipart/form-data')
  @ApiBody(FILE_BODY)
  @ApiCreatedResponse({ description: 'The ImportResult; 422/403 carry it in `result`' })
  async upload(@UploadedFile() file: Express.Multer.File | undefined, @CurrentUser() user: Principal) {
    return answer(await this.uploads.receive(received(file), user));
  }

  @Post('registry')
  @Allow('committee')
  @UseInterceptors(FileInterceptor('file'))
  @ApiConsumes('multipart/form-data')
  @ApiBody(FILE_BODY)
  @ApiCreatedResponse({ description: 'The ImportResult of the registry; 422 carries it in `result`' })
  async registry(@UploadedFile() file: Express.Multer.File | undefined, @CurrentUser() user: Principal) {
    return answer(await this.uploads.receiveRegistry(received(file), user));
  }

  @Get('uploads')
  @SignedIn()
  @ApiOkResponse({ type: [UploadDto] })
  list(@Query() query: UploadsQueryDto, @CurrentUser() user: Principal) {
    return this.uploads.list(query, user);
  }

  @Get('uploads/:id')
  @SignedIn()
  @ApiOkResponse({ type: UploadDto, description: 'With `result`: the full list of errors and warnings' })
  get(@Param('id', ParseIntPipe) id: number, @CurrentUser() user: Principal) {
    return this.uploads.get(id, user);
  }

  @Get('history')
  @Allow('committee', 'school')
  @ApiOkResponse({ type: [SheetVersionDto] })
  versions(@Query() query: HistoryQueryDto, @CurrentUser() user: Principal) {
    assertOrganization(user, query.org);
    return this.history.versions(query.org, query.period);
  }

  @Get('templates/:kind')
  @SignedIn()
  @ProducesXlsx()
  // A school's template carries its organization: no shared cache may keep it.
  @Header('Cache-Control', 'private, no-store')
  async template(@Param() { kind }: TemplateParamsDto, @CurrentUser() user: Principal) {
    const { content, fileName } = await this.uploads.template(kind, user);
    return xlsxDownload(content, fileName);
  }
}
